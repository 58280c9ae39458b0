using Raytio.Server.Tests.Infrastructure;
using static Raytio.Cypher.Tests.Ast;

namespace Raytio.Server.Tests.Cypher;

/// <summary>MATCH patterns compiled and run: hops, directions, types, variable length, OPTIONAL MATCH.</summary>
public sealed class CypherMatchTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private readonly CypherGraph _graph = new(app);

    [Fact]
    public async Task One_hop_follows_the_direction()
    {
        var (alice, _) = await PeopleAsync();
        var outgoing = Single(Match(Path(Node("a", "Person"), Out(null, "KNOWS"), Node("b"))), Return(Item(Prop("a", "name"), "a.name"), Item(Prop("b", "name"), "b.name")));
        Assert.Equal(["\"Ann\" | \"Bob\"", "\"Bob\" | \"Cy\""], (await _graph.RunAsync(alice, outgoing)).Sorted());

        var incoming = Single(Match(Path(Node("a", "Person"), In(null, "KNOWS"), Node("b"))), Return(Item(Prop("a", "name"), "a"), Item(Prop("b", "name"), "b")));
        Assert.Equal(["\"Bob\" | \"Ann\"", "\"Cy\" | \"Bob\""], (await _graph.RunAsync(alice, incoming)).Sorted());

        var either = Single(Match(Path(Node("a", "Person"), Both(null, "KNOWS"), Node("b"))), Return(Item(Prop("a", "name"), "a"), Item(Prop("b", "name"), "b")));
        Assert.Equal(["\"Ann\" | \"Bob\"", "\"Bob\" | \"Ann\"", "\"Bob\" | \"Cy\"", "\"Cy\" | \"Bob\""], (await _graph.RunAsync(alice, either)).Sorted());
    }

    [Fact]
    public async Task Two_hops_and_relationship_uniqueness()
    {
        var (alice, _) = await PeopleAsync();
        var twoHops = Single(
            Match(Path(Node("a"), Out(null, "KNOWS"), Node(), Out(null, "KNOWS"), Node("c"))),
            Return(Item(Prop("a", "name"), "a"), Item(Prop("c", "name"), "c")));
        Assert.Equal(["\"Ann\" | \"Cy\""], (await _graph.RunAsync(alice, twoHops)).Sorted());

        // Undirected, the walk may not come back over the relationship it came by.
        var back = Single(
            Match(Path(Node("a").WithProperties(("name", Lit("Ann"))), Both(null, "KNOWS"), Node("x"), Both(null, "KNOWS"), Node("y"))),
            Return(Item(Prop("x", "name"), "x"), Item(Prop("y", "name"), "y")));
        Assert.Equal(["\"Bob\" | \"Cy\""], (await _graph.RunAsync(alice, back)).Sorted());
    }

    [Fact]
    public async Task Type_alternatives_and_relationship_values()
    {
        var (alice, people) = await PeopleAsync();
        var query = Single(
            Match(Path(Node("a").WithProperties(("name", Lit("Ann"))), Out("r", "KNOWS", "WORKS_AT"), Node("b"))),
            Return(Item(Call("type", Var("r")), "type(r)"), Item(Prop("b", "name"), "b.name"), Item(Var("r"), "r")));
        var rows = (await _graph.RunAsync(alice, query)).Sorted();
        Assert.Equal([$"\"KNOWS\" | \"Bob\" | {CypherRows.Rel(people.AnnKnowsBob)}", $"\"WORKS_AT\" | \"Acme\" | {CypherRows.Rel(people.AnnWorksAtAcme)}"], rows);
    }

    [Fact]
    public async Task Variable_length_with_bounds()
    {
        var (alice, _) = await PeopleAsync();
        Assert.Equal(["\"Bob\"", "\"Cy\""], await ReachedAsync(alice, 1, 2));
        Assert.Equal(["\"Cy\""], await ReachedAsync(alice, 2, 2));
        Assert.Equal(["\"Ann\"", "\"Bob\""], await ReachedAsync(alice, 0, 1));
        Assert.Equal(["\"Bob\"", "\"Cy\""], await ReachedAsync(alice, null, null));

        // Walks start only at nodes with the first node's labels, in either direction.
        var incoming = Single(
            Match(Path(Node("c", "Director"), In(null, "KNOWS").Length(1, 2), Node("a", "Person"))),
            Return(Item(Prop("a", "name"), "a")));
        Assert.Equal(["\"Ann\"", "\"Bob\""], (await _graph.RunAsync(alice, incoming)).Sorted());
        var none = Single(Match(Path(Node("c", "Company"), Both(null, "KNOWS").Length(1, 2), Node("a"))), Return(Item("a")));
        Assert.Empty(await _graph.RunAsync(alice, none));
    }

    [Fact]
    public async Task Variable_length_takes_each_relationship_once_per_path_around_a_cycle()
    {
        var (alice, people) = await PeopleAsync();
        await _graph.RelateAsync(people.Cy, people.Ann, "KNOWS");
        var query = Single(
            Match(Path(Node("a").WithProperties(("name", Lit("Ann"))), Out("r", "KNOWS").Length(1, null), Node("b"))),
            Return(Item(Prop("b", "name"), "b"), Item(Call("size", Var("r")), "size(r)")));
        Assert.Equal(["\"Ann\" | 3", "\"Bob\" | 1", "\"Cy\" | 2"], (await _graph.RunAsync(alice, query)).Sorted());
    }

    [Fact]
    public async Task Variable_length_paths_do_not_pass_through_invisible_nodes()
    {
        var (alice, people) = await PeopleAsync();
        var mallory = await _graph.UserAsync();
        var hidden = await _graph.ObjectAsync(mallory, new { name = "Hidden" }, "Person");
        var dan = await _graph.ObjectAsync(alice, new { name = "Dan" }, "Person");
        await _graph.RelateAsync(people.Cy, hidden, "KNOWS");
        await _graph.RelateAsync(hidden, dan, "KNOWS");
        var query = Single(
            Match(Path(Node("a").WithProperties(("name", Lit("Ann"))), Out(null, "KNOWS").Length(1, 5), Node("b"))),
            Return(Item(Prop("b", "name"), "b")));
        Assert.Equal(["\"Bob\"", "\"Cy\""], (await _graph.RunAsync(alice, query)).Sorted());
    }

    [Fact]
    public async Task Optional_match_keeps_rows_without_a_match_and_its_where_filters_only_the_optional_part()
    {
        var (alice, people) = await PeopleAsync();
        var mallory = await _graph.UserAsync();
        var hiddenCompany = await _graph.ObjectAsync(mallory, new { name = "Secret" }, "Company");
        await _graph.RelateAsync(people.Cy, hiddenCompany, "WORKS_AT");
        var optional = Single(
            Match(Path(Node("a", "Person"))),
            OptionalMatch(Path(Node("a"), Out(null, "WORKS_AT"), Node("c"))),
            Return(Item(Prop("a", "name"), "a"), Item(Prop("c", "name"), "c")));
        Assert.Equal(["\"Ann\" | \"Acme\"", "\"Bob\" | \"Acme\"", "\"Cy\" | null"], (await _graph.RunAsync(alice, optional)).Sorted());

        var filtered = Single(
            Match(Path(Node("a", "Person"))),
            OptionalMatch(Path(Node("a"), Out(null, "WORKS_AT"), Node("c"))).Where(Eq(Prop("c", "name"), Lit("Nope"))),
            Return(Item(Prop("a", "name"), "a"), Item(Var("c"), "c")));
        Assert.Equal(["\"Ann\" | null", "\"Bob\" | null", "\"Cy\" | null"], (await _graph.RunAsync(alice, filtered)).Sorted());
    }

    [Fact]
    public async Task Comma_separated_parts_share_variables_and_relationships_stay_unique_across_them()
    {
        var (alice, _) = await PeopleAsync();
        // Two people working at the same company: the two WORKS_AT are different relationships.
        var colleagues = Single(
            Match(Path(Node("a", "Person"), Out(null, "WORKS_AT"), Node("c")), Path(Node("b", "Person"), Out(null, "WORKS_AT"), Node("c"))),
            Return(Item(Prop("a", "name"), "a"), Item(Prop("b", "name"), "b")));
        Assert.Equal(["\"Ann\" | \"Bob\"", "\"Bob\" | \"Ann\""], (await _graph.RunAsync(alice, colleagues)).Sorted());
    }

    [Fact]
    public async Task Variable_length_undirected_with_property_maps_and_parameters()
    {
        var (alice, people) = await PeopleAsync();
        var cyKnowsDan = await _graph.RelateAsync(people.Cy, await _graph.ObjectAsync(alice, new { name = "Dan" }, "Person"), "KNOWS");
        var query = Single(
            Match(Path(Node("a").WithProperties(("name", Param("name"))), Both("r", "KNOWS").Length(1, 3), Node("b", "Person"))),
            Return(Projection(Item(Prop("b", "name"), "b"), Item(Var("r"), "r")).OrderBy(Asc(Var("b")))));
        var rows = (await _graph.RunAsync(alice, query, new { name = "Cy" })).Lines();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["\"Ann\"", "\"Bob\"", "\"Dan\""], rows.Select(r => r.Split(" | ")[0]).Distinct().ToList());
        Assert.Contains($"\"Dan\" | [{CypherRows.Rel(cyKnowsDan)}]", rows);
        Assert.DoesNotContain(rows, r => r.StartsWith("\"Cy\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_variable_length_paths_of_one_match_do_not_share_a_relationship()
    {
        var (alice, _) = await PeopleAsync();
        // Ann - Bob - Cy, undirected: the second walk cannot go back over what the first took.
        var query = Single(
            Match(Path(Node("a").WithProperties(("name", Lit("Ann"))), Both(null, "KNOWS").Length(1, 2), Node("b"), Both(null, "KNOWS").Length(1, 2), Node("c"))),
            Return(Item(Prop("b", "name"), "b"), Item(Prop("c", "name"), "c")));
        Assert.Equal(["\"Bob\" | \"Cy\""], (await _graph.RunAsync(alice, query)).Sorted());
    }

    [Fact]
    public async Task Optional_match_first_gives_one_row_of_nulls()
    {
        var alice = await _graph.UserAsync();
        var query = Single(OptionalMatch(Path(Node("n", "Nothing"))), Return(Item(Var("n"), "n")));
        Assert.Equal(["null"], (await _graph.RunAsync(alice, query)).Lines());
    }

    [Fact]
    public async Task Nodes_come_back_as_markers_and_invisible_ones_not_at_all()
    {
        var (alice, people) = await PeopleAsync();
        var mallory = await _graph.UserAsync();
        await _graph.ObjectAsync(mallory, new { name = "Hidden" }, "Person");
        var query = Single(Match(Path(Node("p", "Person"))), Return(Item("p")));
        Assert.Equal([CypherRows.Node(people.Ann), CypherRows.Node(people.Bob), CypherRows.Node(people.Cy)], (await _graph.RunAsync(alice, query)).Sorted());
        var names = Single(Match(Path(Node("p", "Person"))), Return(Item(Prop("p", "name"), "n")));
        Assert.Equal(["\"Hidden\""], (await _graph.RunAsync(mallory, names)).Lines());
    }

    private async Task<List<string>> ReachedAsync(Graph.GraphUser caller, int? min, int? max)
    {
        var query = Single(
            Match(Path(Node("a").WithProperties(("name", Lit("Ann"))), Out(null, "KNOWS").Length(min, max), Node("b"))),
            Return(Item(Prop("b", "name"), "b")));
        return (await _graph.RunAsync(caller, query)).Sorted();
    }

    internal sealed record People(long Ann, long Bob, long Cy, long Acme, long AnnKnowsBob, long AnnWorksAtAcme);

    /// <summary>Ann -KNOWS-> Bob -KNOWS-> Cy; Ann and Bob WORKS_AT Acme; all owned by a fresh caller.</summary>
    private async Task<(Graph.GraphUser, People)> PeopleAsync()
    {
        var alice = await _graph.UserAsync();
        var ann = await _graph.ObjectAsync(alice, new { name = "Ann", age = 30 }, "Person");
        var bob = await _graph.ObjectAsync(alice, new { name = "Bob", age = 25 }, "Person");
        var cy = await _graph.ObjectAsync(alice, new { name = "Cy" }, "Person", "Director");
        var acme = await _graph.ObjectAsync(alice, new { name = "Acme" }, "Company");
        var annKnowsBob = await _graph.RelateAsync(ann, bob, "KNOWS");
        await _graph.RelateAsync(bob, cy, "KNOWS");
        var annWorks = await _graph.RelateAsync(ann, acme, "WORKS_AT");
        await _graph.RelateAsync(bob, acme, "WORKS_AT");
        return (alice, new People(ann, bob, cy, acme, annKnowsBob, annWorks));
    }
}
