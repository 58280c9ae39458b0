using System.Globalization;

namespace Raytio.Cypher.Compiler;

/// <summary>What one compilation accumulates: parameters, fresh names and the CTEs in dependency order.</summary>
internal sealed class CompilerState(CompileContext context)
{
    public const string VisibleNodes = "vis_nodes";
    public const string VisibleRelationships = "vis_rels";

    private readonly List<string> _ctes = [];
    private int _names;

    public CompileContext Context { get; } = context;

    public ISqlDialect Dialect => Context.Dialect;

    public SqlParameters Parameters { get; } = new();

    public IReadOnlyList<string> Ctes => _ctes;

    public string NewName(string prefix) => prefix + (++_names).ToString(CultureInfo.InvariantCulture);

    /// <summary>Adds `name AS (sql)`; materialized when read more than once with a row numbering that must stay stable.</summary>
    public void AddCte(string name, string sql, bool materialized = false) =>
        _ctes.Add($"{name} AS {(materialized ? "MATERIALIZED " : "")}(\n{sql}\n)");

    /// <summary>Adds `name AS (sql)` for the planner to inline wherever it is read (<see cref="ISqlDialect.InlinedCte"/>).</summary>
    public void AddInlinedCte(string name, string sql) => _ctes.Add($"{name} AS {Dialect.InlinedCte}(\n{sql}\n)");
}
