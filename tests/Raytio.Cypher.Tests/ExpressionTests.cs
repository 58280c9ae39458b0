using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Tests;

public class ExpressionTests
{
    [Theory]
    [InlineData("a OR b XOR c AND d", "(Or a (Xor b (And c d)))")]
    [InlineData("a AND b OR c", "(Or (And a b) c)")]
    [InlineData("a XOR b XOR c", "(Xor (Xor a b) c)")]
    [InlineData("NOT a AND b", "(And (Not a) b)")]
    [InlineData("NOT a = b", "(Not (Equal a b))")]
    [InlineData("NOT NOT a", "(Not (Not a))")]
    [InlineData("a = 1 + 2 * 3", "(Equal a (Add 1 (Multiply 2 3)))")]
    [InlineData("1 - 2 - 3", "(Subtract (Subtract 1 2) 3)")]
    [InlineData("8 / 4 % 3 * 2", "(Multiply (Modulo (Divide 8 4) 3) 2)")]
    [InlineData("(1 + 2) * 3", "(Multiply (Add 1 2) 3)")]
    [InlineData("-n.x", "(Negate n.x)")]
    [InlineData("-n.x * 2", "(Multiply (Negate n.x) 2)")]
    [InlineData("- -a", "(Negate (Negate a))")]
    [InlineData("+a", "a")]
    [InlineData("2 -1", "(Subtract 2 1)")]
    [InlineData("-1", "-1")]
    [InlineData("-1.5", "-1.5f")]
    [InlineData("-(1)", "(Negate 1)")]
    [InlineData("a.b.c", "a.b.c")]
    [InlineData("a <> b", "(NotEqual a b)")]
    [InlineData("a < b", "(Less a b)")]
    [InlineData("a <= b", "(LessOrEqual a b)")]
    [InlineData("a > b", "(Greater a b)")]
    [InlineData("a >= b", "(GreaterOrEqual a b)")]
    [InlineData("a < b < c", "(And (Less a b) (Less b c))")]
    [InlineData("a <-1", "(Less a -1)")]
    [InlineData("x IN [1, 2] AND y", "(And (In x [1 2]) y)")]
    [InlineData("a = b IN c", "(Equal a (In b c))")]
    [InlineData("n.name STARTS WITH 'A' OR n.name ENDS WITH $s", "(Or (StartsWith n.name 'A') (EndsWith n.name $s))")]
    [InlineData("n.name CONTAINS 'x' + 'y'", "(Contains n.name (Add 'x' 'y'))")]
    [InlineData("n.x IS NULL", "(IsNull n.x)")]
    [InlineData("n.x is not null AND NOT n.y IS NULL", "(And (IsNotNull n.x) (Not (IsNull n.y)))")]
    [InlineData("n.x + 1 IS NULL", "(IsNull (Add n.x 1))")]
    [InlineData("count(*)", "count(*)")]
    [InlineData("COUNT(*)", "count(*)")]
    [InlineData("count(DISTINCT n.x)", "count(DISTINCT n.x)")]
    [InlineData("coalesce(n.a, n.b, 'none')", "coalesce(n.a n.b 'none')")]
    [InlineData("toLower(n.name) = 'x'", "(Equal toLower(n.name) 'x')")]
    [InlineData("size([])", "size([])")]
    [InlineData("[1, [2, 3], 'a']", "[1 [2 3] 'a']")]
    [InlineData("true OR FALSE OR Null", "(Or (Or true false) null)")]
    [InlineData("$param = $0", "(Equal $param $0)")]
    [InlineData("`odd name`.`odd key`", "odd name.odd key")]
    [InlineData("n.count + count(n)", "(Add n.count count(n))")]
    public void Precedence_and_shape(string expression, string shape) => Assert.Equal(shape, Parse.ExpressionShape(expression));

    [Fact]
    public void Literal_values_have_their_types()
    {
        Assert.Equal(42L, Assert.IsType<Literal>(Parse.Expression("42")).Value);
        Assert.Equal(1.5, Assert.IsType<Literal>(Parse.Expression("1.5")).Value);
        Assert.Equal(0.5, Assert.IsType<Literal>(Parse.Expression(".5")).Value);
        Assert.Equal(1e3, Assert.IsType<Literal>(Parse.Expression("1e3")).Value);
        Assert.Equal(2.5e-3, Assert.IsType<Literal>(Parse.Expression("2.5E-3")).Value);
        Assert.Equal(long.MaxValue, Assert.IsType<Literal>(Parse.Expression("9223372036854775807")).Value);
        Assert.Equal(long.MinValue, Assert.IsType<Literal>(Parse.Expression("-9223372036854775808")).Value);
        Assert.Equal(true, Assert.IsType<Literal>(Parse.Expression("TRUE")).Value);
        Assert.Null(Assert.IsType<Literal>(Parse.Expression("null")).Value);
    }

    [Theory]
    [InlineData(@"'plain'", "plain")]
    [InlineData(@"""double""", "double")]
    [InlineData(@"'it\'s'", "it's")]
    [InlineData(@"""say \""hi\""""", "say \"hi\"")]
    [InlineData(@"'a""b'", "a\"b")]
    [InlineData(@"""a'b""", "a'b")]
    [InlineData(@"'back\\slash'", @"back\slash")]
    [InlineData(@"'\n\t\r\b\f'", "\n\t\r\b\f")]
    [InlineData(@"'\u00e9\u00C9'", "éÉ")]
    [InlineData(@"'\U0001F600'", "😀")]
    [InlineData("'multi\nline'", "multi\nline")]
    [InlineData("''", "")]
    [InlineData("'// not a comment /* either */'", "// not a comment /* either */")]
    public void String_literals_and_escapes(string literal, string value) =>
        Assert.Equal(value, Assert.IsType<Literal>(Parse.Expression(literal)).Value);

    [Fact]
    public void Function_names_are_kept_as_written()
    {
        var call = Assert.IsType<FunctionCall>(Parse.Expression("toUpper(n.name)"));
        Assert.Equal("toUpper", call.Name);
        Assert.False(call.Distinct);
        Assert.IsType<FunctionCall>(Parse.Expression("`labels`(n)"));
    }

    [Fact]
    public void Expressions_carry_their_positions()
    {
        var or = Assert.IsType<Binary>(Parse.Expression("a.x OR\n  NOT b"));
        Assert.Equal(new Position(1, 12), or.Position);
        Assert.Equal(new Position(1, 8), or.Left.Position);
        var not = Assert.IsType<Unary>(or.Right);
        Assert.Equal(new Position(2, 3), not.Position);
        Assert.Equal(new Position(2, 7), not.Operand.Position);
        var isNull = Assert.IsType<IsNull>(Parse.Expression("x IS NULL"));
        Assert.Equal(new Position(1, 10), isNull.Position);
        Assert.Equal(new Position(1, 8), Parse.Expression("count(*)").Position);
        Assert.Equal(new Position(1, 8), Parse.Expression("-5").Position);
        Assert.Equal(new Position(1, 8), Parse.Expression("[1]").Position);
        Assert.Equal(new Position(1, 8), Parse.Expression("$p").Position);
    }

    [Fact]
    public void Comments_and_line_endings_count_lines()
    {
        var where = Parse.Match("MATCH (n) // first\r\n/* two\r\nlines */ WHERE\rn.x = 1 RETURN n").Where;
        var equal = Assert.IsType<Binary>(where);
        Assert.Equal(new Position(4, 5), equal.Position);
        Assert.Equal(new Position(4, 1), equal.Left.Position);
    }
}
