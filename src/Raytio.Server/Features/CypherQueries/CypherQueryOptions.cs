using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.CypherQueries;

/// <summary>Settings under Raytio:Query (operation 64).</summary>
public sealed class CypherQueryOptions
{
    public const string Section = "Raytio:Query";

    /// <summary>The longest query text, in characters.</summary>
    [Range(16, 1_000_000)]
    public int MaxQueryLength { get; set; } = 16_384;

    /// <summary>Rows answered at most; beyond them the answer says `truncated: true`.</summary>
    [Range(1, 1_000_000)]
    public int MaxRows { get; set; } = 10_000;

    /// <summary>The longest time one query may run in the database (then 400 `query_timeout`).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan StatementTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The cap of a variable-length relationship's upper bound (`*1..n`; `*` alone means up to this).</summary>
    [Range(1, 100)]
    public int MaxVariableLength { get; set; } = 10;

    /// <summary>The most JSON text the rows of one answer may hold (characters, before nodes are expanded).</summary>
    [Range(1024, 1_073_741_824)]
    public int MaxAnswerCharacters { get; set; } = 16 * 1024 * 1024;

    /// <summary>The largest request body (the query and its `params`).</summary>
    [Range(1024, 1_073_741_824)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
