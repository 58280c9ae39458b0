using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Tests;

public class ClauseTests
{
    [Fact]
    public void Reference_example()
    {
        var query = Parse.Single("MATCH (n:Group {name:'Raytio'}) return n");
        var match = Assert.IsType<MatchClause>(query.Clauses[0]);
        Assert.False(match.Optional);
        Assert.Equal("Group", Assert.Single(match.Patterns[0].Start.Labels));
        var item = Assert.Single(Assert.IsType<ReturnClause>(query.Clauses[1]).Projection.Items);
        Assert.Equal("n", item.ColumnName);
        Assert.Equal(new Position(1, 33), query.Clauses[1].Position);
    }

    [Fact]
    public void Match_optional_match_where_with_and_return()
    {
        var query = Parse.Single("""
            match (a:Person)
            OPTIONAL MATCH (a)-[:KNOWS]->(b) WHERE b.age > 30
            WITH DISTINCT a, count(b) AS friends ORDER BY friends DESC SKIP 1 LIMIT 10 WHERE friends > 0
            RETURN a.name AS name, friends
            """);
        Assert.Equal(4, query.Clauses.Count);
        var optional = Assert.IsType<MatchClause>(query.Clauses[1]);
        Assert.True(optional.Optional);
        Assert.Equal(new Position(2, 1), optional.Position);
        Assert.Equal("(Greater b.age 30)", Parse.Shape(optional.Where!));
        var with = Assert.IsType<WithClause>(query.Clauses[2]);
        Assert.True(with.Projection.Distinct);
        Assert.Equal(["a", "friends"], with.Projection.Items.Select(i => i.ColumnName));
        Assert.True(Assert.Single(with.Projection.OrderBy).Descending);
        Assert.Equal("1", Parse.Shape(with.Projection.Skip!));
        Assert.Equal("10", Parse.Shape(with.Projection.Limit!));
        Assert.Equal("(Greater friends 0)", Parse.Shape(with.Where!));
        var returned = Assert.IsType<ReturnClause>(query.Clauses[3]);
        Assert.Equal(["name", "friends"], returned.Projection.Items.Select(i => i.ColumnName));
    }

    [Fact]
    public void Return_star_items_and_sorting()
    {
        var projection = Parse.Return("MATCH (n) RETURN *").Projection;
        Assert.True(projection.IncludeAll);
        Assert.Empty(projection.Items);
        projection = Parse.Return("MATCH (n) RETURN DISTINCT *, n.x AS x ORDER BY x ASC, n.y ascending, n.z DESCENDING, n.w SKIP $s LIMIT $l").Projection;
        Assert.True(projection.Distinct);
        Assert.True(projection.IncludeAll);
        Assert.Equal("x", Assert.Single(projection.Items).Alias);
        Assert.Equal([false, false, true, false], projection.OrderBy.Select(o => o.Descending));
        Assert.Equal("$s", Parse.Shape(projection.Skip!));
        Assert.Equal("$l", Parse.Shape(projection.Limit!));
    }

    [Theory]
    [InlineData("RETURN n.name", "n.name")]
    [InlineData("RETURN   n.name  ", "n.name")]
    [InlineData("RETURN count( * )", "count( * )")]
    [InlineData("RETURN toLower(n.name)+'x' , 2", "toLower(n.name)+'x'")]
    [InlineData("RETURN n.x /* c */ + 1 AS y", "n.x /* c */ + 1")]
    [InlineData("RETURN (1 + 2)", "(1 + 2)")]
    [InlineData("RETURN [1,\n 2];", "[1,\n 2]")]
    [InlineData("RETURN `a b`", "`a b`")]
    public void Projection_text_is_the_exact_source(string query, string text)
    {
        var item = Parse.Return(query).Projection.Items[0];
        Assert.Equal(text, item.Text);
    }

    [Fact]
    public void Alias_names_the_column()
    {
        var item = Assert.Single(Parse.Return("RETURN n.x AS `the x`").Projection.Items);
        Assert.Equal("n.x", item.Text);
        Assert.Equal("the x", item.ColumnName);
        Assert.Equal("count", Assert.Single(Parse.Return("RETURN 1 AS count").Projection.Items).ColumnName);
    }

    [Fact]
    public void With_as_first_clause_and_return_alone()
    {
        Assert.Equal(2, Parse.Single("WITH 1 AS x RETURN x").Clauses.Count);
        Assert.Single(Parse.Single("RETURN 1").Clauses);
        Assert.IsType<WithClause>(Parse.Single("MATCH (n) WITH * RETURN n").Clauses[1]);
    }

    [Fact]
    public void Union_and_union_all()
    {
        var query = CypherParser.Parse("RETURN 1 AS x UNION RETURN 2 AS x UNION ALL MATCH (n) RETURN n.x AS x;");
        Assert.Equal(3, query.Parts.Count);
        Assert.Equal([false, true], query.UnionAll);
        Assert.Empty(CypherParser.Parse("RETURN 1").UnionAll);
    }

    [Theory]
    [InlineData("match (n) where n.x = 1 return distinct n order by n.x desc skip 1 limit 2")]
    [InlineData("MaTcH (n) OpTiOnAl MaTcH (n)-->(m) ReTuRn n UnIoN aLl ReTuRn 1 aS n")]
    [InlineData("MATCH (n)\n\tRETURN n ;")]
    [InlineData("// comment first\nMATCH (n) /* inline */ RETURN n // trailing")]
    [InlineData("MATCH (n:`Label with spaces`)-[:`TYPE-X`]->(`m n`) RETURN `m n`")]
    [InlineData("MATCH (n) WHERE exists(n.name) AND size(labels(n)) > 1 RETURN id(n), type(r), collect(DISTINCT n.x), min(1), max(1), sum(1), avg(1)")]
    public void Accepted_queries(string query) => Assert.NotEmpty(CypherParser.Parse(query).Parts);
}
