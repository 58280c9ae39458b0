using System.Text.Json.Nodes;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Each translation rule on a graph made by hand, against the answer Neo4j's documented semantics
/// give: Kuzu with the translation must answer it (and without, for the rules that fix a
/// difference, does not).
/// </summary>
public sealed class KuzuTranslationTests
{
    // Ann and Bob know each other both ways; Ann works at Acme.
    private static readonly GeneratedNode Ann = Node(1, "Person", "ann");
    private static readonly GeneratedNode Bob = Node(2, "Person", "bob");
    private static readonly GeneratedNode Acme = Node(3, "Company", "acme");
    private static readonly GeneratedGraph Graph = new(
        [Ann, Bob, Acme],
        [new("KNOWS", Ann, Bob, 1995), new("KNOWS", Bob, Ann, null), new("WORKS_AT", Ann, Acme, 1999)]);

    private static readonly NodePattern A = new("a", "Person", []);
    private static readonly NodePattern B = new("b", "Person", []);

    [Fact]
    public async Task Translated_queries_give_the_openCypher_answers()
    {
        var cases = new (GeneratedQuery Query, string Expected, string? UntranslatedKuzu)[]
        {
            // Rule 1: one relationship is not bound twice in a MATCH: a-b-c needs two different KNOWS.
            (Query([Match(Path(A, Hop(null, "KNOWS", Direction.Both, B)), Path(new NodePattern("b", null, []), Hop(null, "KNOWS", Direction.Both, new NodePattern("c", "Person", []))))],
                Items(("a.k", new PropertyExpr("a", "k")), ("c.k", new PropertyExpr("c", "k")))), "[[1,1],[1,1],[2,2],[2,2]]", "8 rows"),
            // Rule 2: variable length is a trail: 1..2 undirected hops from Ann reach Bob twice and Ann twice.
            (Query([Match(Path(A, Hop(null, "KNOWS", Direction.Both, B, variableLength: true)))], Items(("a.k", new PropertyExpr("a", "k")), ("b.k", new PropertyExpr("b", "k")))),
                "[[1,2],[1,2],[1,1],[1,1],[2,1],[2,1],[2,2],[2,2]]", "12 rows"),
            // Rules 3 and 4: labels() is a list, type() the relationship's type.
            (Query([Match(Path(A, Hop("r", "WORKS_AT", Direction.Right, new NodePattern("c", "Company", []))))],
                Items(("l", new CallExpr("labels", [new VariableExpr("a")])), ("t", new CallExpr("type", [new VariableExpr("r")])))), "[[[\"Person\"],\"WORKS_AT\"]]", null),
            // Rule 5: exists(property) is IS NOT NULL.
            (Query([Match(Path(A, Hop("r", "KNOWS", Direction.Right, B)))], Items(("s", new PropertyExpr("r", "since"))), where: new CallExpr("exists", [new PropertyExpr("r", "since")])),
                "[[1995]]", null),
            // Rules 6 and 7: sum over no values is 0, collect over no values is [].
            (Query([Match(Path(new NodePattern("c", "Company", []), Hop(null, "WORKS_AT", Direction.Left, A)))],
                Items(("s", new CallExpr("sum", [new PropertyExpr("a", "age")])), ("l", new CallExpr("collect", [new PropertyExpr("a", "age")])))), "[[0,[]]]", "[[null,null]]"),
            // Rule 8: every string contains the empty string.
            (Query([Match(Path(A))], Items(("k", new PropertyExpr("a", "k")), ("c", new BinaryExpr(new PropertyExpr("a", "name"), "CONTAINS", new LiteralExpr(""))))),
                "[[1,true],[2,true]]", "[[1,false],[2,false]]"),
            // Rule 9: an integer compared with a float, by value.
            (Query([Match(Path(A))], Items(("k", new PropertyExpr("a", "k"))), where: new BinaryExpr(new PropertyExpr("a", "k"), ">", new LiteralExpr(1.5))), "[[2]]", "[]"),
            // Rule 10: nothing is in the empty list, not even null.
            (Query([Match(Path(A))], Items(("k", new PropertyExpr("a", "k")), ("x", new BinaryExpr(new PropertyExpr("a", "age"), "IN", new ListExpr([]))))),
                "[[1,false],[2,false]]", "[[1,null],[2,null]]"),
        };

        var translated = await KuzuRunner.RunAsync(Graph, [.. cases.Select(c => KuzuTranslation.Translate(c.Query))]);
        var untranslated = await KuzuRunner.RunAsync(Graph, [.. cases.Select(c => CypherWriter.Write(c.Query))]);

        for (var i = 0; i < cases.Length; i++)
        {
            var expected = new QueryAnswer(translated[i].Columns, [.. JsonNode.Parse(cases[i].Expected)!.AsArray().Select(r => r!.AsArray())]);
            Assert.Null(ResultComparer.Difference(expected, translated[i], ordered: false));
            if (cases[i].UntranslatedKuzu is { } before)
            {
                var shown = before.EndsWith(" rows") ? $"{untranslated[i].Rows.Count} rows" : new JsonArray([.. untranslated[i].Rows.Select(r => r.DeepClone())]).ToJsonString();
                Assert.Equal(before, shown);
            }
        }
    }

    private static GeneratedNode Node(long key, string label, string name) =>
        new(key, label, new Dictionary<string, object?> { [GraphVocabulary.Key] = key, ["name"] = name });

    private static Hop Hop(string? variable, string type, Direction direction, NodePattern node, bool variableLength = false) =>
        new(new RelationshipPattern(variable, [type], direction, variableLength ? 1 : null, variableLength ? 2 : null), node);

    private static PathPattern Path(NodePattern start, params Hop[] hops) => new(start, hops);

    private static MatchClause Match(params PathPattern[] patterns) => new(false, patterns, null);

    private static List<ReturnItem> Items(params (string Alias, Expr Expression)[] items) =>
        [.. items.Select(i => new ReturnItem(i.Expression, i.Alias.Replace(".", "_")))];

    private static GeneratedQuery Query(List<MatchClause> matches, List<ReturnItem> items, Expr? where = null) =>
        new([new SingleQuery([.. matches.Select((m, i) => i == 0 && where is not null ? m with { Where = where } : m)], null, new ReturnClause(false, items, [], null, null))], false);
}
