using Raytio.Cypher.Syntax;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using static Raytio.Cypher.Tests.Ast;

namespace Raytio.Server.Tests.Cypher;

/// <summary>WHERE, functions, aggregation, WITH, ORDER BY / SKIP / LIMIT and UNION, run on the test engine.</summary>
public sealed class CypherProjectionTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private readonly CypherGraph _graph = new(app);

    [Fact]
    public async Task Where_has_three_valued_logic()
    {
        var alice = await PeopleAsync();
        Assert.Equal(["\"50%_off\"", "\"Ann\"", "\"Cy\""], await NamesWhereAsync(alice, Op(BinaryOperator.Or, Op(BinaryOperator.Greater, Prop("p", "age"), Lit(26L)), IsNull(Prop("p", "age")))));
        // Cy has no age: NOT (null = 30) is null, so Cy is not kept.
        Assert.Equal(["\"Bob\""], await NamesWhereAsync(alice, Not(Eq(Prop("p", "age"), Lit(30L)))));
        Assert.Equal(["\"Ann\"", "\"Bob\""], await NamesWhereAsync(alice, IsNull(Prop("p", "age"), negated: true)));
        // Values of different types are never equal and never ordered.
        Assert.Empty(await NamesWhereAsync(alice, Eq(Prop("p", "age"), Lit("30"))));
        Assert.Empty(await NamesWhereAsync(alice, Op(BinaryOperator.Less, Prop("p", "name"), Lit(1L))));
        Assert.Equal(["\"Ann\"", "\"Bob\""], await NamesWhereAsync(alice, Op(BinaryOperator.Xor, Eq(Prop("p", "name"), Lit("Ann")), Eq(Prop("p", "name"), Lit("Bob")))));
    }

    [Fact]
    public async Task In_and_string_operators_without_wildcards()
    {
        var alice = await PeopleAsync();
        Assert.Equal(["\"Ann\"", "\"Cy\""], await NamesWhereAsync(alice, Op(BinaryOperator.In, Prop("p", "name"), List("Ann", "Cy", 3L))));
        Assert.Equal(["\"Bob\""], await NamesWhereAsync(alice, Op(BinaryOperator.In, Prop("p", "age"), Param("ages")), new { ages = new[] { 25, 40 } }));
        Assert.Equal(["\"Ann\""], await NamesWhereAsync(alice, Op(BinaryOperator.StartsWith, Prop("p", "name"), Lit("An"))));
        Assert.Equal(["\"Cy\""], await NamesWhereAsync(alice, Op(BinaryOperator.EndsWith, Prop("p", "name"), Lit("y"))));
        Assert.Equal(["\"Bob\""], await NamesWhereAsync(alice, Op(BinaryOperator.Contains, Prop("p", "name"), Lit("ob"))));
        Assert.Equal(["\"50%_off\""], await NamesWhereAsync(alice, Op(BinaryOperator.Contains, Prop("p", "name"), Lit("%_"))));
        Assert.Empty(await NamesWhereAsync(alice, Op(BinaryOperator.StartsWith, Prop("p", "name"), Lit("_"))));
        Assert.Empty(await NamesWhereAsync(alice, Op(BinaryOperator.StartsWith, Prop("p", "name"), Lit("a"))));
        // null IN a list without it is null; so is x IN a list holding null.
        Assert.Empty(await NamesWhereAsync(alice, Op(BinaryOperator.In, Prop("p", "age"), List(1L, null))));
        Assert.Equal(["\"50%_off\"", "\"Ann\"", "\"Bob\"", "\"Cy\""], await NamesWhereAsync(alice, Not(Op(BinaryOperator.In, Prop("p", "name"), List()))));
    }

    [Fact]
    public async Task Scalar_functions()
    {
        var alice = await PeopleAsync();
        var query = Single(
            Match(Path(Node("p", "Person").WithProperties(("name", Lit("Cy"))))),
            Return(
                Item(Call("labels", Var("p")), "labels"),
                Item(Call("toLower", Prop("p", "name")), "lower"),
                Item(Call("toUpper", Prop("p", "name")), "upper"),
                Item(Call("size", Prop("p", "name")), "size"),
                Item(Call("size", Call("labels", Var("p"))), "label_count"),
                Item(Call("coalesce", Prop("p", "age"), Lit(0L)), "age"),
                Item(Call("exists", Prop("p", "age")), "has_age"),
                Item(Call("exists", Prop("p", "name")), "has_name"),
                Item(Op(BinaryOperator.Add, Prop("p", "name"), Lit("!")), "shout"),
                Item(Op(BinaryOperator.Multiply, Lit(6L), Lit(7L)), "answer")));
        Assert.Equal(["[\"Person\",\"Director\"] | \"cy\" | \"CY\" | 2 | 2 | 0 | false | true | \"Cy!\" | 42"], (await _graph.RunAsync(alice, query)).Lines());

        var ids = Single(Match(Path(Node("p", "Director"))), Return(Item(Call("id", Var("p")), "id"), Item(Prop("p", "n_id"), "n_id"), Item(Prop("p", "g_id"), "g_id")));
        var row = Assert.Single(await _graph.RunAsync(alice, ids));
        var cy = await app.WithDbAsync(db => Task.FromResult(db.Set<Server.Features.Graph.GraphNode>().Single(n => n.Id == long.Parse(row[0]))));
        Assert.Equal($"\"{cy.Key}\"", row[1]);
        Assert.Equal("null", row[2]);
    }

    [Fact]
    public async Task Constants_of_any_type_give_null_where_the_operation_does_not_apply()
    {
        var alice = await _graph.UserAsync();
        var query = Single(Return(
            Item(Call("size", Lit("abc")), "size"),
            Item(Call("size", Lit(3L)), "size_of_number"),
            Item(Op(BinaryOperator.In, Lit(1L), Lit("abc")), "in_string"),
            Item(Op(BinaryOperator.In, Lit("a"), List("a", "b")), "in_list"),
            Item(Call("toLower", Lit(1L)), "lower"),
            Item(Op(BinaryOperator.Less, Lit("a"), Lit(1L)), "less"),
            Item(Op(BinaryOperator.Add, Lit(true), Lit(1L)), "add"),
            Item(Op(BinaryOperator.Divide, Lit(7L), Lit(2L)), "divide"),
            Item(Op(BinaryOperator.Divide, Lit(7L), Lit(0L)), "by_zero"),
            Item(Eq(Lit(1L), Lit(1.0)), "int_float")));
        Assert.Equal(["3 | null | null | true | null | null | null | 3 | null | true"], (await _graph.RunAsync(alice, query)).Lines());
        var parameterMap = Single(Return(Item(Prop("m", "k"), "k")));
        Assert.Equal("query_semantics", (await Assert.ThrowsAsync<Raytio.Cypher.CypherException>(() => _graph.RunAsync(alice, parameterMap))).Code);
        var fromParameter = Single(Return(Item(new PropertyAccess(Param("m"), "k", At), "k"), Item(new PropertyAccess(Param("m"), "missing", At), "missing")));
        Assert.Equal(["[1,2] | null"], (await _graph.RunAsync(alice, fromParameter, new { m = new { k = new[] { 1, 2 } } })).Lines());
    }

    [Fact]
    public async Task Aggregates_group_by_the_other_items_and_skip_invisible_nodes_and_nulls()
    {
        var alice = await PeopleAsync();
        var mallory = await _graph.UserAsync();
        await _graph.ObjectAsync(mallory, new { name = "Hidden", age = 99 }, "Person");
        var totals = Single(
            Match(Path(Node("p", "Person"))),
            Return(
                Item(CountAll(), "count(*)"),
                Item(Call("count", Prop("p", "age")), "ages"),
                Item(CallDistinct("count", Call("size", Prop("p", "name"))), "lengths"),
                Item(Call("min", Prop("p", "age")), "min"),
                Item(Call("max", Prop("p", "age")), "max"),
                Item(Call("sum", Prop("p", "age")), "sum"),
                Item(Call("avg", Prop("p", "age")), "avg"),
                Item(Call("min", Prop("p", "name")), "first"),
                Item(Call("collect", Prop("p", "age")), "collect")));
        var row = Assert.Single(await _graph.RunAsync(alice, totals));
        Assert.Equal(["4", "2", "3", "25", "30", "55"], row[..6]);
        Assert.Equal(27.5, double.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("\"50%_off\"", row[7]);
        Assert.Equal("[25,30]", CypherRows.Normalize(Sorted(row[8])));

        var grouped = Single(
            Match(Path(Node("p", "Person"), Out(null, "WORKS_AT"), Node("c"))),
            Return(Item(Prop("c", "name"), "company"), Item(CountAll(), "n"), Item(Call("collect", Prop("p", "name")), "names")));
        var rows = await _graph.RunAsync(alice, grouped);
        Assert.Equal("\"Acme\" | 2", string.Join(" | ", Assert.Single(rows)[..2].Select(CypherRows.Normalize)));
        Assert.Equal("[\"Ann\",\"Bob\"]", CypherRows.Normalize(Sorted(rows[0][2])));

        var byCount = Single(
            Match(Path(Node("p", "Person"), Out(null, "KNOWS"), Node("q"))),
            Return(Projection(Item(Prop("q", "name"), "name"), Item(CountAll(), "count(*)")).OrderBy(Desc(CountAll()), Asc(Prop("q", "name")))));
        Assert.Equal(["\"Bob\" | 1", "\"Cy\" | 1"], (await _graph.RunAsync(alice, byCount)).Lines());

        var empty = Single(Match(Path(Node("p", "Nobody"))), Return(Item(CountAll(), "n"), Item(Call("collect", Var("p")), "all"), Item(Call("sum", Prop("p", "x")), "sum")));
        Assert.Equal(["0 | [] | 0"], (await _graph.RunAsync(alice, empty)).Lines());
    }

    [Fact]
    public async Task Collect_and_count_do_not_see_invisible_neighbours()
    {
        var alice = await PeopleAsync();
        var mallory = await _graph.UserAsync();
        var hidden = await _graph.ObjectAsync(mallory, new { name = "Hidden" }, "Person");
        var bob = long.Parse((await _graph.RunAsync(alice, Single(Match(Path(Node("p").WithProperties(("name", Lit("Bob"))))), Return(Item(Call("id", Var("p")), "id")))))[0][0]);
        await _graph.RelateAsync(bob, hidden, "KNOWS");
        var query = Single(
            Match(Path(Node("p").WithProperties(("name", Lit("Bob"))))),
            OptionalMatch(Path(Node("p"), Both(null, "KNOWS"), Node("q"))),
            Return(Item(Call("count", Var("q")), "n"), Item(Call("collect", Prop("q", "name")), "names")));
        var row = Assert.Single(await _graph.RunAsync(alice, query));
        Assert.Equal("2", row[0]);
        Assert.Equal("[\"Ann\",\"Cy\"]", CypherRows.Normalize(Sorted(row[1])));
    }

    [Fact]
    public async Task With_pipes_and_filters_its_result()
    {
        var alice = await PeopleAsync();
        var query = Single(
            Match(Path(Node("p", "Person"))),
            With(Projection(Item("p"), Item(Prop("p", "age"), "age")), Op(BinaryOperator.Greater, Var("age"), Lit(26L))),
            Return(Item(Prop("p", "name"), "name")));
        Assert.Equal(["\"Ann\""], (await _graph.RunAsync(alice, query)).Lines());

        var counted = Single(
            Match(Path(Node("p", "Person"), Out(null, "KNOWS"), Node("q"))),
            With(Item("p"), Item(Call("count", Var("q")), "n")),
            Match(Path(Node("p"), Out(null, "WORKS_AT"), Node("c"))),
            Return(Projection(Item(Prop("p", "name"), "name"), Item(Var("n"), "n"), Item(Prop("c", "name"), "c")).OrderBy(Asc(Var("name")))));
        Assert.Equal(["\"Ann\" | 1 | \"Acme\"", "\"Bob\" | 1 | \"Acme\""], (await _graph.RunAsync(alice, counted)).Lines());

        var unknown = Single(Match(Path(Node("p", "Person"))), With(Item(Prop("p", "age"), "age")), Return(Item("p")));
        Assert.Equal("query_semantics", (await Assert.ThrowsAsync<Raytio.Cypher.CypherException>(() => _graph.RunAsync(alice, unknown))).Code);
    }

    [Fact]
    public async Task Order_by_puts_nulls_last_ascending_and_first_descending_then_skip_and_limit()
    {
        var alice = await PeopleAsync();
        Assert.Equal(["\"Bob\"", "\"Ann\"", "\"50%_off\"", "\"Cy\""], await OrderedNamesAsync(alice, Asc(Prop("p", "age")), Asc(Prop("p", "name"))));
        Assert.Equal(["\"50%_off\"", "\"Cy\"", "\"Ann\"", "\"Bob\""], await OrderedNamesAsync(alice, Desc(Prop("p", "age")), Asc(Prop("p", "name"))));
        // Code point order: digits before upper case.
        Assert.Equal(["\"50%_off\"", "\"Ann\"", "\"Bob\"", "\"Cy\""], await OrderedNamesAsync(alice, Asc(Var("name"))));

        var page = Single(Match(Path(Node("p", "Person"))), Return(new Projection(false, false, [Item(Prop("p", "name"), "name")], [Asc(Var("name"))], Lit(1L), Param("limit"))));
        Assert.Equal(["\"Ann\"", "\"Bob\""], (await _graph.RunAsync(alice, page, new { limit = 2 })).Lines());
        var negative = Single(Match(Path(Node("p", "Person"))), Return(new Projection(false, false, [Item("p")], [], null, Param("limit"))));
        Assert.Equal("query_semantics", (await Assert.ThrowsAsync<Raytio.Cypher.CypherException>(() => _graph.RunAsync(alice, negative, new { limit = -1 }))).Code);
    }

    [Fact]
    public async Task Distinct_and_return_all()
    {
        var alice = await PeopleAsync();
        var distinct = Single(
            Match(Path(Node("p", "Person"), Out(null, "WORKS_AT"), Node("c"))),
            Return(new Projection(true, false, [Item(Prop("c", "name"), "c")], [], null, null)));
        Assert.Equal(["\"Acme\""], (await _graph.RunAsync(alice, distinct)).Lines());

        var all = Single(Match(Path(Node("p").WithProperties(("name", Lit("Ann"))), Out("r", "WORKS_AT"), Node("c"))), Return(new Projection(false, true, [], [], null, null)));
        var compiled = Raytio.Cypher.Compiler.CypherCompiler.Compile(all, await _graph.ContextAsync(alice));
        Assert.Equal(["c", "p", "r"], compiled.Columns);
        Assert.Single(await _graph.RunAsync(alice, all));
    }

    [Fact]
    public async Task Union_removes_duplicates_and_union_all_keeps_them()
    {
        var alice = await PeopleAsync();
        SingleQuery Names(string label) => Part(Match(Path(Node("n", label))), Return(Item(Prop("n", "name"), "name")));
        SingleQuery Works() => Part(Match(Path(Node("n"), Out(null, "WORKS_AT"), Node("c"))), Return(Item(Prop("c", "name"), "name")));
        Assert.Equal(["\"Acme\"", "\"Cy\""], (await _graph.RunAsync(alice, Union(false, Names("Director"), Works()))).Sorted());
        Assert.Equal(["\"Acme\"", "\"Acme\"", "\"Cy\""], (await _graph.RunAsync(alice, Union(true, Names("Director"), Works()))).Sorted());

        var mismatch = Union(false, Names("Director"), Part(Match(Path(Node("n"))), Return(Item(Prop("n", "name"), "other"))));
        Assert.Equal("query_semantics", (await Assert.ThrowsAsync<Raytio.Cypher.CypherException>(() => _graph.RunAsync(alice, mismatch))).Code);
    }

    [Fact]
    public async Task Answers_stop_one_row_past_the_maximum()
    {
        var alice = await PeopleAsync();
        Assert.Equal(3, (await _graph.RunAsync(alice, Single(Match(Path(Node("p", "Person"))), Return(Item("p"))), maxRows: 2)).Count);
    }

    [Fact]
    public async Task Visibility_follows_grants_groups_and_public()
    {
        var (owner, member, stranger) = (await _graph.UserAsync(), await _graph.UserAsync(), await _graph.UserAsync());
        var group = await _graph.GroupAsync(member);
        var shared = await _graph.ObjectAsync(owner, new { name = "Shared" }, "Doc");
        var open = await _graph.ObjectAsync(owner, new { name = "Open" }, "Doc");
        await _graph.ObjectAsync(owner, new { name = "Private" }, "Doc");
        await _graph.RelateAsync(group, shared, "VIEWS");
        await _graph.RelateAsync(await _graph.PublicGroupAsync(), open, "VIEWS");
        var docs = Single(Match(Path(Node("d", "Doc"))), Return(Item(Prop("d", "name"), "name")));
        Assert.Equal(["\"Open\"", "\"Private\"", "\"Shared\""], (await _graph.RunAsync(owner, docs)).Sorted());
        Assert.Equal(["\"Open\"", "\"Shared\""], (await _graph.RunAsync(member, docs)).Sorted());
        Assert.Equal(["\"Open\""], (await _graph.RunAsync(stranger, docs)).Sorted());
        Assert.Equal(["\"Open\""], (await _graph.RunAsync(null, docs)).Sorted());

        // The member sees their own user node and their group, and the membership between them; no one else's user node.
        var memberships = Single(Match(Path(Node("u"), Out("r", "BELONGS_TO"), Node("g"))), Return(Item(Call("labels", Var("u")), "u"), Item(Call("labels", Var("g")), "g")));
        Assert.Equal(["[\"User\"] | [\"Group\"]"], (await _graph.RunAsync(member, memberships)).Lines());
        Assert.Empty(await _graph.RunAsync(null, Single(Match(Path(Node("u", "User"))), Return(Item("u")))));
    }

    private async Task<List<string>> NamesWhereAsync(GraphUser caller, Expression where, object? parameters = null) =>
        (await _graph.RunAsync(caller, Single(Match(Path(Node("p", "Person"))).Where(where), Return(Item(Prop("p", "name"), "name"))), parameters)).Sorted();

    private async Task<List<string>> OrderedNamesAsync(GraphUser caller, params SortItem[] order) =>
        (await _graph.RunAsync(caller, Single(Match(Path(Node("p", "Person"))), Return(Projection(Item(Prop("p", "name"), "name")).OrderBy(order))))).Lines();

    private static string Sorted(string jsonArray) =>
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement[]>(jsonArray)!.Select(e => e.GetRawText()).Order(StringComparer.Ordinal).Select(t => System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(t)));

    /// <summary>Ann (30), Bob (25), Cy (no age, also a Director), "50%_off" (no age); Ann and Bob KNOWS and WORKS_AT Acme.</summary>
    private async Task<GraphUser> PeopleAsync()
    {
        var alice = await _graph.UserAsync();
        var ann = await _graph.ObjectAsync(alice, new { name = "Ann", age = 30 }, "Person");
        var bob = await _graph.ObjectAsync(alice, new { name = "Bob", age = 25 }, "Person");
        var cy = await _graph.ObjectAsync(alice, new { name = "Cy" }, "Person", "Director");
        await _graph.ObjectAsync(alice, new { name = "50%_off" }, "Person");
        var acme = await _graph.ObjectAsync(alice, new { name = "Acme" }, "Company");
        await _graph.RelateAsync(ann, bob, "KNOWS");
        await _graph.RelateAsync(bob, cy, "KNOWS");
        await _graph.RelateAsync(ann, acme, "WORKS_AT");
        await _graph.RelateAsync(bob, acme, "WORKS_AT");
        return alice;
    }
}
