namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// One differential run: a seeded graph loaded into the endpoint and into Kuzu, seeded queries
/// asked of both (openCypher to the endpoint, the translation to Kuzu), answers compared.
/// </summary>
public static class DifferentialRun
{
    private const string TimeoutError = "400 query_timeout";

    /// <summary>Each query whose answers differ, with both texts and the difference; empty when all agree.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(ICypherEndpoint endpoint, int seed, GraphSize size, int queryCount)
    {
        var graph = GraphGenerator.Generate(seed, size);
        var generator = new QueryGenerator(seed);
        var queries = Enumerable.Range(0, queryCount).Select(_ => generator.Next()).ToList();
        var cypher = queries.Select(CypherWriter.Write).ToList();

        await endpoint.LoadAsync(graph);
        var actual = await endpoint.QueryAsync(cypher);
        var expected = await KuzuAnswersAsync(graph, queries);

        var differences = new List<string>();
        var timeouts = new List<string>();
        for (var i = 0; i < queries.Count; i++)
        {
            if (actual[i].Error?.StartsWith(TimeoutError, StringComparison.Ordinal) == true)
            {
                timeouts.Add($"graph {seed}, query {i}: {cypher[i]}");
            }
            else if (ResultComparer.Difference(expected[i], actual[i], queries[i].Ordered) is { } difference)
            {
                differences.Add($"graph {seed}, query {i}: {cypher[i]}\n  kuzu: {KuzuTranslation.Translate(queries[i])}\n  {difference}");
            }
        }
        // A statement timeout says nothing of semantics and depends on the machine's load (the
        // benchmark measures cost); more than one in a hundred queries is still a failure.
        if (timeouts.Count * 100 > queries.Count)
        {
            differences.Add($"{timeouts.Count} of {queries.Count} queries ran into the statement timeout:\n{string.Join("\n", timeouts)}");
        }
        return differences;
    }

    /// <summary>
    /// Kuzu's answers, one node process for all. A UNION's parts are asked one by one and joined
    /// here (rule 11 of docs/CYPHER.md): Kuzu 0.11.3 loses rows of some UNION ALL queries.
    /// </summary>
    public static async Task<IReadOnlyList<QueryAnswer>> KuzuAnswersAsync(GeneratedGraph graph, IReadOnlyList<GeneratedQuery> queries)
    {
        var parts = queries.SelectMany(q => q.Parts.Select(part => KuzuTranslation.Translate(new GeneratedQuery([part], false)))).ToList();
        var answers = await KuzuRunner.RunAsync(graph, parts);
        var next = 0;
        var joined = new List<QueryAnswer>(queries.Count);
        foreach (var query in queries)
        {
            joined.Add(Union([.. answers.Skip(next).Take(query.Parts.Count)], query.UnionAll));
            next += query.Parts.Count;
        }
        return joined;
    }

    /// <summary>UNION ALL keeps every row of every part; UNION keeps one of equal rows.</summary>
    public static QueryAnswer Union(IReadOnlyList<QueryAnswer> parts, bool all)
    {
        if (parts.FirstOrDefault(p => p.Error is not null) is { } failed)
        {
            return failed;
        }
        if (parts.Count == 1)
        {
            return parts[0];
        }
        var rows = parts.SelectMany(p => p.Rows);
        if (!all)
        {
            rows = rows.DistinctBy(r => ResultComparer.Canonical(r));
        }
        return new QueryAnswer(parts[0].Columns, [.. rows]);
    }
}
