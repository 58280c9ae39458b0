using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>Operation 64 against Kuzu on seeded graphs and queries (docs/CYPHER.md, "Differential test").</summary>
public sealed class ServerDifferentialTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Operation_64_agrees_with_Kuzu_on_a_seeded_graph()
    {
        var differences = await DifferentialRun.DifferencesAsync(new ServerCypherEndpoint(app), seed: 1, GraphSize.Small, queryCount: 100);
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join("\n", differences.Take(20))}");
    }
}
