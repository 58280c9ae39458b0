using System.Globalization;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Operation 64 against Kuzu on seeded graphs and queries (docs/CYPHER.md, "Differential test"):
/// in CI 2,000 queries on each engine, 400 on each of five graphs of 40 nodes.
/// bench/cypher-differential/run.sh asks more through RAYTIO_DIFFERENTIAL_GRAPHS, _QUERIES,
/// _NODES and _RELATIONSHIPS.
/// </summary>
public sealed class ServerDifferentialTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private static readonly int QueriesPerGraph = Setting("QUERIES", 400);

    private static readonly GraphSize Size = new(Setting("NODES", GraphSize.Small.Nodes), Setting("RELATIONSHIPS", GraphSize.Small.Relationships));

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, Setting("GRAPHS", 5))];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Operation_64_agrees_with_Kuzu_on_a_seeded_graph(int seed)
    {
        var differences = await DifferentialRun.DifferencesAsync(new ServerCypherEndpoint(app), seed, Size, QueriesPerGraph);
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join("\n", differences.Take(20))}");
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable("RAYTIO_DIFFERENTIAL_" + name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
