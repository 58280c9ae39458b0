using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Tests;

/// <summary>Valid openCypher (and common Neo4j syntax) outside the subset is refused by name, not as a syntax error.</summary>
public class UnsupportedTests
{
    [Theory]
    [InlineData("UNWIND [1, 2] AS x RETURN x", "UNWIND", 1, 1)]
    [InlineData("MATCH (n) UNWIND n.list AS x RETURN x", "UNWIND", 1, 11)]
    [InlineData("EXPLAIN MATCH (n) RETURN n", "EXPLAIN", 1, 1)]
    [InlineData("PROFILE MATCH (n) RETURN n", "PROFILE", 1, 1)]
    [InlineData("CYPHER 5 MATCH (n) RETURN n", "Query options (CYPHER ...)", 1, 1)]
    [InlineData("MATCH (n) FINISH", "FINISH", 1, 11)]
    [InlineData("MATCH (n) RETURN n {.name, .age}", "A map projection (n {...})", 1, 20)]
    [InlineData("RETURN {a: 1}", "A map literal ({...})", 1, 8)]
    [InlineData("MATCH (n) RETURN CASE WHEN n.x THEN 1 ELSE 2 END", "CASE expressions", 1, 18)]
    [InlineData("RETURN [x IN [1, 2] WHERE x > 1 | x * 2]", "A list comprehension ([x IN list ...])", 1, 8)]
    [InlineData("MATCH (a) RETURN [(a)-->(b) | b.name]", "A pattern comprehension ([(a)-->(b) | ...])", 1, 18)]
    [InlineData("MATCH (a) RETURN [p = (a)-[:T]->(b) | p]", "A pattern comprehension ([(a)-->(b) | ...])", 1, 18)]
    [InlineData("MATCH p = (a)-->(b) RETURN p", "A path variable (p = ...)", 1, 7)]
    [InlineData("MATCH (a) WHERE EXISTS { MATCH (a)-->(b) } RETURN a", "EXISTS subqueries (EXISTS {...})", 1, 17)]
    [InlineData("MATCH (a) RETURN COUNT { (a)-->() } AS c", "COUNT subqueries (COUNT {...})", 1, 18)]
    [InlineData("MATCH (a) RETURN collect { MATCH (a)-->(b) RETURN b } AS c", "COLLECT subqueries (COLLECT {...})", 1, 18)]
    [InlineData("MATCH (a), (b) MATCH shortestPath((a)-[*]-(b)) RETURN a", "shortestPath", 1, 22)]
    [InlineData("MATCH allShortestPaths((a)-[*]-(b)) RETURN a", "allShortestPaths", 1, 7)]
    [InlineData("MATCH (a), (b) RETURN shortestPath((a)-[*]-(b))", "shortestPath", 1, 23)]
    [InlineData("MATCH SHORTEST 1 (a)-[*]-(b) RETURN a", "A path selector (SHORTEST)", 1, 7)]
    [InlineData("MATCH (a:A&B) RETURN a", "A label expression (&)", 1, 11)]
    [InlineData("MATCH (a:!A) RETURN a", "A label expression (!)", 1, 10)]
    [InlineData("MATCH (a:A|B) RETURN a", "A label expression (|)", 1, 11)]
    [InlineData("MATCH (a:%) RETURN a", "A label expression (%)", 1, 10)]
    [InlineData("MATCH (a IS A) RETURN a", "A label expression (IS Label)", 1, 10)]
    [InlineData("MATCH (a)-[:A&B]->(b) RETURN a", "A relationship type expression (&)", 1, 14)]
    [InlineData("MATCH (a)-[:!A]->(b) RETURN a", "A relationship type expression (!)", 1, 13)]
    [InlineData("MATCH (a WHERE a.x > 1) RETURN a", "WHERE inside a pattern", 1, 10)]
    [InlineData("MATCH (a)-[r WHERE r.x > 1]->(b) RETURN a", "WHERE inside a pattern", 1, 14)]
    [InlineData("MATCH (a $props) RETURN a", "A parameter as a property map", 1, 10)]
    [InlineData("MATCH ((a)-->(b)){1,3} RETURN a", "A parenthesised path pattern", 1, 8)]
    [InlineData("MATCH (a)-->{1,3}(b) RETURN a", "A quantified path pattern", 1, 13)]
    [InlineData("MATCH (a) WHERE a:Person RETURN a", "A label expression outside a pattern (n:Label)", 1, 18)]
    [InlineData("MATCH (a) WHERE (a)-->() RETURN a", "A pattern expression ((a)-->(b)) outside MATCH", 1, 17)]
    [InlineData("MATCH (a) WHERE exists((a)-[:T]->()) RETURN a", "A pattern expression ((a)-->(b)) outside MATCH", 1, 24)]
    [InlineData("MATCH (a) WHERE NOT (a)<--() RETURN a", "A pattern expression ((a)-->(b)) outside MATCH", 1, 21)]
    [InlineData("MATCH (a) WHERE a.name =~ 'A.*' RETURN a", "Regular expression matching (=~)", 1, 24)]
    [InlineData("RETURN 2 ^ 3", "The power operator (^)", 1, 10)]
    [InlineData("RETURN [1, 2][0]", "List indexing and slicing (x[i])", 1, 14)]
    [InlineData("MATCH (a) RETURN a.list[1..2]", "List indexing and slicing (x[i])", 1, 24)]
    [InlineData("RETURN reduce(s = 0, x IN [1] | s + x)", "reduce()", 1, 8)]
    [InlineData("RETURN all(x IN [1] WHERE x > 0)", "List predicates (all(x IN list ...))", 1, 8)]
    [InlineData("RETURN none(x IN [1] WHERE x > 0)", "List predicates (none(x IN list ...))", 1, 8)]
    [InlineData("RETURN apoc.coll.sum([1])", "A namespaced function call (...sum())", 1, 21)]
    [InlineData("RETURN 1 IS :: INTEGER", "Type predicates (IS :: TYPE)", 1, 13)]
    [InlineData("RETURN n IS TYPED INTEGER", "Type predicates (IS :: TYPE)", 1, 13)]
    [InlineData("RETURN 'a' IS NORMALIZED", "Normalization predicates (IS NORMALIZED)", 1, 15)]
    public void Constructs_outside_the_subset_are_named(string query, string construct, int line, int column)
    {
        var error = Parse.Error(query);
        Assert.Equal("query_unsupported", error.Code);
        Assert.Equal(new Position(line, column), error.Position);
        Assert.StartsWith($"{construct} is not supported at line {line}, column {column}", error.Message);
    }

    /// <summary>The subtraction of a negative number is not mistaken for a pattern.</summary>
    [Fact]
    public void Arithmetic_that_resembles_a_pattern()
    {
        Assert.Equal("(Subtract a (Negate b))", Parse.ExpressionShape("(a)--b"));
        Assert.Equal("(Less a -1)", Parse.ExpressionShape("(a)<-1"));
    }
}
