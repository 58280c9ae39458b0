using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Operation 64 against Kuzu on seeded graphs and queries (docs/CYPHER.md, "Differential test"):
/// 2,000 queries on each engine, 400 on each of five graphs. bench/cypher-differential runs more.
/// </summary>
public sealed class ServerDifferentialTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const int QueriesPerGraph = 400;

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Operation_64_agrees_with_Kuzu_on_a_seeded_graph(int seed)
    {
        var differences = await DifferentialRun.DifferencesAsync(new ServerCypherEndpoint(app), seed, GraphSize.Small, QueriesPerGraph);
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join("\n", differences.Take(20))}");
    }
}
