namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// One differential run: a seeded graph loaded into the endpoint and into Kuzu, seeded queries
/// asked of both (openCypher to the endpoint, the translation to Kuzu), answers compared.
/// </summary>
public static class DifferentialRun
{
    /// <summary>Each query whose answers differ, with both texts and the difference; empty when all agree.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(ICypherEndpoint endpoint, int seed, GraphSize size, int queryCount)
    {
        var graph = GraphGenerator.Generate(seed, size);
        var generator = new QueryGenerator(seed);
        var queries = Enumerable.Range(0, queryCount).Select(_ => generator.Next()).ToList();
        var cypher = queries.Select(CypherWriter.Write).ToList();

        await endpoint.LoadAsync(graph);
        var actual = await endpoint.QueryAsync(cypher);
        var expected = await KuzuRunner.RunAsync(graph, [.. queries.Select(KuzuTranslation.Translate)]);

        var differences = new List<string>();
        for (var i = 0; i < queries.Count; i++)
        {
            if (ResultComparer.Difference(expected[i], actual[i], queries[i].Ordered) is { } difference)
            {
                differences.Add($"graph {seed}, query {i}: {cypher[i]}\n  kuzu: {KuzuTranslation.Translate(queries[i])}\n  {difference}");
            }
        }
        return differences;
    }
}
