using System.Globalization;

namespace Raytio.Cypher.Bench;

/// <summary>The command line of the driver (bench/cypher/run.sh passes it).</summary>
internal sealed record BenchOptions(
    string DataDirectory,
    string? PostgresConnection,
    Guid Caller,
    string KuzuDirectory,
    string KuzuScript,
    TimeSpan TimePerQuery,
    int MinimumRounds,
    IReadOnlyList<string> Queries)
{
    public const string Usage = """
        Usage: Raytio.Cypher.Bench --data DIR [--postgres CONNECTION] --caller U_ID --kuzu-dir DIR --kuzu-script FILE
                 [--seconds 3] [--min-rounds 5] [--queries 1-hop,2-hop,filtered-count,aggregation]
        Runs each benchmark query (BenchQueries) as operation 64 (CypherQueryService), as its compiled
        SQL alone and as hand-written SQL with the same visibility filter, alternately on one
        connection, for at least SECONDS and MIN-ROUNDS rounds each; checks that all answers agree;
        writes the caller's visible graph to DIR as CSV and times the same queries on Kuzu there.
        The database is the server's in DIR (SQLite) or CONNECTION.
        """;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --option value at '{args[i]}'");
            }
            values[args[i][2..]] = args[i + 1];
        }
        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
        return new BenchOptions(
            Required("data"),
            values.GetValueOrDefault("postgres"),
            Guid.Parse(Required("caller")),
            Required("kuzu-dir"),
            Required("kuzu-script"),
            TimeSpan.FromSeconds(double.Parse(values.GetValueOrDefault("seconds", "3"), CultureInfo.InvariantCulture)),
            int.Parse(values.GetValueOrDefault("min-rounds", "5"), CultureInfo.InvariantCulture),
            values.TryGetValue("queries", out var names) ? names.Split(',') : [.. BenchQueries.All.Select(q => q.Name)]);
    }
}
