using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Tests;

public class SyntaxErrorTests
{
    [Theory]
    [InlineData("MATCH (n RETURN n", 1, 10, "Expected ')' closing the node pattern at line 1, column 10, found 'RETURN'")]
    [InlineData("MATCH (n) RETURN", 1, 17, "Expected an expression at line 1, column 17, found end of input")]
    [InlineData("", 1, 1, "Expected MATCH, OPTIONAL MATCH, WITH or RETURN at line 1, column 1, found end of input")]
    [InlineData("  // only a comment", 1, 20, "Expected MATCH, OPTIONAL MATCH, WITH or RETURN at line 1, column 20, found end of input")]
    [InlineData("MATCH (n)", 1, 10, "Expected RETURN (a query must end with RETURN) at line 1, column 10, found end of input")]
    [InlineData("WITH 1 AS x", 1, 12, "Expected RETURN (a query must end with RETURN) at line 1, column 12, found end of input")]
    [InlineData("MATCH (n);", 1, 10, "Expected RETURN (a query must end with RETURN) at line 1, column 10, found ';'")]
    [InlineData("MATCH (n) WITH n UNION RETURN 1", 1, 18, "Expected RETURN (a query must end with RETURN) at line 1, column 18, found 'UNION'")]
    [InlineData("MATCH (n) RETURN n MATCH (m) RETURN m", 1, 20, "RETURN can only be used at the end of the query, found 'MATCH' at line 1, column 20")]
    [InlineData("RETURN 1 RETURN 2", 1, 10, "RETURN can only be used at the end of the query, found 'RETURN' at line 1, column 10")]
    [InlineData("RETURN 1; RETURN 2", 1, 11, "RETURN can only be used at the end of the query, found 'RETURN' at line 1, column 11")]
    [InlineData("RETURN 1 ;;", 1, 11, "Expected UNION or the end of the query at line 1, column 11, found ';'")]
    [InlineData("MATCH (n) RETURN n WHERE n.x", 1, 20, "Expected UNION or the end of the query at line 1, column 20, found 'WHERE'")]
    [InlineData("MATCH (n)\n  RETURN n.x +", 2, 15, "Expected an expression at line 2, column 15, found end of input")]
    [InlineData("RETURN 'open", 1, 8, "Expected ' closing the string at line 1, column 8, found end of input")]
    [InlineData("RETURN \"open", 1, 8, "Expected \" closing the string at line 1, column 8, found end of input")]
    [InlineData("RETURN `open", 1, 8, "Expected '`' closing the name at line 1, column 8, found end of input")]
    [InlineData("RETURN 1 /* open", 1, 10, "Expected '*/' closing the comment at line 1, column 10, found end of input")]
    [InlineData(@"RETURN 'a\qb'", 1, 10, @"Expected an escape (\\ \' \"" \n \t \r \b \f \uXXXX \UXXXXXXXX) at line 1, column 10, found '\q'")]
    [InlineData(@"RETURN '\u12G4'", 1, 9, "Expected 4 hexadecimal digits after the escape at line 1, column 9, found something else")]
    [InlineData(@"RETURN '\u12'", 1, 9, "Expected 4 hexadecimal digits after the escape at line 1, column 9, found something else")]
    [InlineData(@"RETURN '\UFFFFFFFF'", 1, 9, @"Expected a Unicode code point at line 1, column 9, found '\UFFFFFFFF'")]
    [InlineData("RETURN 1 # 2", 1, 10, "Expected a token at line 1, column 10, found the character '#' (U+0023)")]
    [InlineData("RETURN 9223372036854775808", 1, 8, "The integer 9223372036854775808 is out of range (integers are 64-bit, from -9223372036854775808 to 9223372036854775807) at line 1, column 8")]
    [InlineData("RETURN -9223372036854775809", 1, 9, "The integer -9223372036854775809 is out of range (integers are 64-bit, from -9223372036854775808 to 9223372036854775807) at line 1, column 9")]
    [InlineData("RETURN 1e999", 1, 8, "The floating point number 1e999 is out of range at line 1, column 8")]
    [InlineData("RETURN 12abc", 1, 8, "Expected a number at line 1, column 8, found '12a'")]
    [InlineData("RETURN $", 1, 9, "Expected a parameter name after '$' at line 1, column 9, found end of input")]
    [InlineData("RETURN ``", 1, 8, "Expected a name between the back-quotes at line 1, column 8, found '``'")]
    [InlineData("MATCH (n)-[:T*99999999999]->(m) RETURN n", 1, 15, "The variable length bound 99999999999 is too large at line 1, column 15")]
    [InlineData("MATCH (n)-[:T]-(m RETURN n", 1, 19, "Expected ')' closing the node pattern at line 1, column 19, found 'RETURN'")]
    [InlineData("MATCH (n)-[:T->(m) RETURN n", 1, 14, "Expected ']' closing the relationship pattern at line 1, column 14, found '-'")]
    [InlineData("MATCH (n)-[:T]>(m) RETURN n", 1, 15, "Expected '-' of a relationship pattern at line 1, column 15, found '>'")]
    [InlineData("MATCH (n:) RETURN n", 1, 10, "Expected a label after ':' at line 1, column 10, found ')'")]
    [InlineData("MATCH (n {a 1}) RETURN n", 1, 13, "Expected ':' after the property key at line 1, column 13, found '1'")]
    [InlineData("MATCH (n {a: 1 b: 2}) RETURN n", 1, 16, "Expected '}' or ',' in the property map at line 1, column 16, found 'b'")]
    [InlineData("MATCH n RETURN n", 1, 7, "Expected '(' starting a node pattern at line 1, column 7, found 'n'")]
    [InlineData("MATCH (n) WITH n.x RETURN 1", 1, 16, "The expression 'n.x' in WITH must be aliased (use AS) at line 1, column 16")]
    [InlineData("RETURN n.x AS", 1, 14, "Expected an alias after AS at line 1, column 14, found end of input")]
    [InlineData("RETURN n ORDER n", 1, 16, "Expected BY at line 1, column 16, found 'n'")]
    [InlineData("RETURN a != b", 1, 10, "Expected '<>' (Cypher's not-equal operator) at line 1, column 10, found '!='")]
    [InlineData("RETURN a IS NOT", 1, 16, "Expected NULL at line 1, column 16, found end of input")]
    [InlineData("RETURN a STARTS 'x'", 1, 17, "Expected WITH at line 1, column 17, found a string literal")]
    [InlineData("RETURN (1 + 2", 1, 14, "Expected ')' at line 1, column 14, found end of input")]
    [InlineData("RETURN [1, 2", 1, 13, "Expected ']' or ',' in the list at line 1, column 13, found end of input")]
    [InlineData("RETURN f(1 2)", 1, 12, "Expected ')' or ',' in the arguments of f() at line 1, column 12, found '2'")]
    [InlineData("RETURN count(DISTINCT *)", 1, 23, "Expected an expression at line 1, column 23, found '*'")]
    [InlineData("RETURN WHERE", 1, 8, "Expected an expression at line 1, column 8, found 'WHERE'")]
    [InlineData("RETURN n, *", 1, 11, "Expected an expression at line 1, column 11, found '*'")]
    [InlineData("RETURN n.`x`.", 1, 14, "Expected a property name after '.' at line 1, column 14, found end of input")]
    [InlineData("MATCH (n) UNION RETURN n", 1, 11, "Expected RETURN (a query must end with RETURN) at line 1, column 11, found 'UNION'")]
    [InlineData("RETURN 1 UNION", 1, 15, "Expected MATCH, OPTIONAL MATCH, WITH or RETURN at line 1, column 15, found end of input")]
    [InlineData("OPTIONAL (n) RETURN n", 1, 10, "Expected MATCH at line 1, column 10, found '('")]
    [InlineData("MATCH (n) (m) RETURN n", 1, 11, "Expected MATCH, OPTIONAL MATCH, WITH or RETURN (a query must end with RETURN) at line 1, column 11, found '('")]
    [InlineData("RETURN 'x' AS `y`z", 1, 18, "Expected UNION or the end of the query at line 1, column 18, found 'z'")]
    public void Errors_name_position_and_expectation(string query, int line, int column, string message)
    {
        var error = Parse.Error(query);
        Assert.Equal("query_syntax", error.Code);
        Assert.Equal(new Position(line, column), error.Position);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(200, "(", ")")]
    [InlineData(200, "[", "]")]
    [InlineData(200, "NOT ", "")]
    [InlineData(200, "-", "")]
    [InlineData(200, "f(", ")")]
    [InlineData(100_000, "(", ")")]
    [InlineData(100_000, "NOT ", "")]
    [InlineData(100_000, "- ", "")]
    public void Deep_nesting_is_refused_not_a_stack_overflow(int depth, string open, string close)
    {
        var query = "RETURN " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var error = Parse.Error(query);
        Assert.Equal("query_syntax", error.Code);
        Assert.Contains("too deeply nested", error.Message);
    }

    [Fact]
    public void Moderate_nesting_is_accepted()
    {
        var query = "RETURN " + new string('(', 50) + "1" + new string(')', 50);
        Assert.Equal("1", Parse.Shape(Assert.Single(Parse.Return(query).Projection.Items).Expression));
    }
}
