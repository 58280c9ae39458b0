namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Generated queries, translated, run on Kuzu without error: the generator and the translation
/// speak a dialect Kuzu accepts. The differential comparison with operation 64 reuses them.
/// </summary>
public sealed class KuzuDialectTests
{
    private const int Graphs = 3;
    private const int QueriesPerGraph = 80;

    [Fact]
    public async Task Every_generated_query_runs_on_kuzu_after_translation()
    {
        var failures = new List<string>();
        var rows = 0;
        for (var seed = 1; seed <= Graphs; seed++)
        {
            var graph = GraphGenerator.Generate(seed, GraphSize.Small);
            var generator = new QueryGenerator(seed);
            var queries = Enumerable.Range(0, QueriesPerGraph).Select(_ => generator.Next()).ToList();
            var translated = queries.Select(KuzuTranslation.Translate).ToList();

            var answers = await KuzuRunner.RunAsync(graph, translated);

            Assert.Equal(queries.Count, answers.Count);
            for (var i = 0; i < answers.Count; i++)
            {
                if (answers[i].Error is { } error)
                {
                    failures.Add($"graph {seed}: {CypherWriter.Write(queries[i])}\n  kuzu: {translated[i]}\n  {error}");
                }
                rows += answers[i].Rows.Count;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} queries failed on Kuzu:\n" + string.Join("\n", failures));
        Assert.True(rows > Graphs * QueriesPerGraph, $"the queries found only {rows} rows in all: the generator asks for too little");
    }
}
