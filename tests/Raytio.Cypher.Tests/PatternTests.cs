using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Tests;

public class PatternTests
{
    [Fact]
    public void Node_pattern_with_variable_labels_and_properties()
    {
        var node = Parse.Pattern("(v:A:`B c` {k: 1, `odd key`: $p, name: 'x' + 'y'})").Start;
        Assert.Equal("v", node.Variable);
        Assert.Equal(["A", "B c"], node.Labels);
        Assert.Equal(["k", "odd key", "name"], node.Properties.Select(p => p.Key));
        Assert.Equal("(Add 'x' 'y')", Parse.Shape(node.Properties[2].Value));
        Assert.Equal(new Position(1, 7), node.Position);
    }

    [Fact]
    public void Anonymous_and_empty_node_patterns()
    {
        var node = Parse.Pattern("()").Start;
        Assert.Null(node.Variable);
        Assert.Empty(node.Labels);
        Assert.Empty(node.Properties);
        Assert.Equal(["Group"], Parse.Pattern("(:Group {})").Start.Labels);
        Assert.Equal(["MATCH"], Parse.Pattern("(:MATCH)").Start.Labels);
    }

    [Theory]
    [InlineData("(a)-[r:T]->(b)", Direction.Outgoing)]
    [InlineData("(a)<-[r:T]-(b)", Direction.Incoming)]
    [InlineData("(a)-[r:T]-(b)", Direction.Either)]
    [InlineData("(a)<-[r:T]->(b)", Direction.Either)]
    [InlineData("(a) < - [r:T] - (b)", Direction.Incoming)]
    [InlineData("(a)-->(b)", Direction.Outgoing)]
    [InlineData("(a)<--(b)", Direction.Incoming)]
    [InlineData("(a)--(b)", Direction.Either)]
    [InlineData("(a)-[]->(b)", Direction.Outgoing)]
    public void Relationship_directions(string pattern, Direction direction) =>
        Assert.Equal(direction, Assert.Single(Parse.Pattern(pattern).Steps).Relationship.Direction);

    [Fact]
    public void Relationship_detail()
    {
        var relationship = Assert.Single(Parse.Pattern("(a)-[r:T|U|:V *1..3 {k: v}]->(b)").Steps).Relationship;
        Assert.Equal("r", relationship.Variable);
        Assert.Equal(["T", "U", "V"], relationship.Types);
        Assert.Equal(new VariableLength(1, 3), relationship.Length);
        Assert.Equal("k", Assert.Single(relationship.Properties).Key);
        Assert.Equal(new Position(1, 10), relationship.Position);
        var bare = Assert.Single(Parse.Pattern("(a)-->(b)").Steps).Relationship;
        Assert.Null(bare.Variable);
        Assert.Empty(bare.Types);
        Assert.Null(bare.Length);
        Assert.Empty(bare.Properties);
    }

    [Theory]
    [InlineData("*", null, null)]
    [InlineData("*2", 2, 2)]
    [InlineData("*0", 0, 0)]
    [InlineData("*1..3", 1, 3)]
    [InlineData("* 1 .. 3", 1, 3)]
    [InlineData("*..3", 1, 3)]
    [InlineData("*2..", 2, null)]
    [InlineData("*..", 1, null)]
    [InlineData("*0..2", 0, 2)]
    public void Variable_lengths(string length, int? min, int? max)
    {
        var relationship = Assert.Single(Parse.Pattern($"(a)-[:T{length}]->(b)").Steps).Relationship;
        Assert.Equal(new VariableLength(min, max), relationship.Length);
    }

    [Fact]
    public void Chains_and_comma_separated_parts()
    {
        var match = Parse.Match("MATCH (a)-[:X]->(b)<-[:Y]-(c), (d)--(e)-->(f) RETURN a");
        Assert.Equal(2, match.Patterns.Count);
        Assert.Equal(["b", "c"], match.Patterns[0].Steps.Select(s => s.Node.Variable));
        Assert.Equal([Direction.Either, Direction.Outgoing], match.Patterns[1].Steps.Select(s => s.Relationship.Direction));
        Assert.Equal(new Position(1, 32), match.Patterns[1].Start.Position);
    }
}
