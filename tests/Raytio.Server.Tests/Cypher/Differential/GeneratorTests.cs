namespace Raytio.Server.Tests.Cypher.Differential;

public sealed class GeneratorTests
{
    [Fact]
    public void A_seed_gives_the_same_graph_and_queries_every_time()
    {
        Assert.Equal(GraphText(7), GraphText(7));
        Assert.Equal(Queries(7, 50), Queries(7, 50));
        Assert.NotEqual(GraphText(7), GraphText(8));
        Assert.NotEqual(Queries(7, 50), Queries(8, 50));
    }

    [Fact]
    public void Graphs_keep_the_servers_rules_one_label_no_self_loop_no_parallel_relationship_of_a_type()
    {
        var graph = GraphGenerator.Generate(3, GraphSize.Small);

        Assert.Equal(GraphSize.Small.Nodes, graph.Nodes.Count);
        Assert.Equal(GraphSize.Small.Relationships, graph.Relationships.Count);
        Assert.All(graph.Relationships, r => Assert.NotEqual(r.From, r.To));
        Assert.Equal(graph.Relationships.Count, graph.Relationships.Select(r => (r.Type, r.From.Key, r.To.Key)).Distinct().Count());
        Assert.All(graph.Relationships, r => Assert.Contains(new RelationshipShape(r.Type, r.From.Label, r.To.Label), GraphVocabulary.Shapes));
        Assert.Contains(graph.Nodes, n => n.Properties.Values.Any(v => v is null));
    }

    [Fact]
    public void Queries_cover_the_subset()
    {
        var text = string.Join("\n", Queries(11, 300));

        foreach (var construct in new[]
        {
            "OPTIONAL MATCH", "*1..", "|", "<-", "]-(", "WHERE", " AND ", " OR ", " XOR ", "NOT ", " IN [", "STARTS WITH",
            "ENDS WITH", "CONTAINS", "IS NULL", "IS NOT NULL", "count(*)", "collect(", "min(", "max(", "sum(", "avg(",
            "labels(", "type(", "toUpper(", "toLower(", "size(", "coalesce(", "exists(", "DISTINCT", "ORDER BY", " DESC",
            "SKIP", "LIMIT", " UNION ", " UNION ALL ", "WITH ", "{",
        })
        {
            Assert.Contains(construct, text);
        }
    }

    private static string GraphText(int seed) => KuzuGraphDescription.ToJson(GraphGenerator.Generate(seed, GraphSize.Small)).ToJsonString();

    private static List<string> Queries(int seed, int count)
    {
        var generator = new QueryGenerator(seed);
        return [.. Enumerable.Range(0, count).Select(_ => CypherWriter.Write(generator.Next()))];
    }
}
