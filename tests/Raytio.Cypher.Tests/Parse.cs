using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Tests;

/// <summary>Shortcuts to the parts of a parsed query the tests look at.</summary>
internal static class Parse
{
    public static SingleQuery Single(string text) => Assert.Single(CypherParser.Parse(text).Parts);

    public static ReturnClause Return(string text) => Assert.IsType<ReturnClause>(Single(text).Clauses[^1]);

    /// <summary>The expression of `RETURN expression`.</summary>
    public static Expression Expression(string expression) => Assert.Single(Return("RETURN " + expression).Projection.Items).Expression;

    public static MatchClause Match(string text) => Assert.IsType<MatchClause>(Single(text).Clauses[0]);

    public static PatternPart Pattern(string pattern) => Assert.Single(Match($"MATCH {pattern} RETURN 1").Patterns);

    public static CypherException Error(string text) => Assert.Throws<CypherException>(() => CypherParser.Parse(text));

    /// <summary>The expression as a compact prefix form: (+ 1 (* 2 3)), for asserting precedence.</summary>
    public static string Shape(Expression expression) => expression switch
    {
        Literal { Value: null } => "null",
        Literal { Value: string s } => $"'{s}'",
        Literal { Value: bool b } => b ? "true" : "false",
        Literal { Value: double d } => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f",
        Literal literal => Convert.ToString(literal.Value, System.Globalization.CultureInfo.InvariantCulture)!,
        ListLiteral list => "[" + string.Join(" ", list.Items.Select(Shape)) + "]",
        Parameter parameter => "$" + parameter.Name,
        Variable variable => variable.Name,
        PropertyAccess access => $"{Shape(access.Target)}.{access.Property}",
        Binary binary => $"({binary.Operator} {Shape(binary.Left)} {Shape(binary.Right)})",
        Unary unary => $"({unary.Operator} {Shape(unary.Operand)})",
        IsNull isNull => $"({(isNull.Negated ? "IsNotNull" : "IsNull")} {Shape(isNull.Operand)})",
        FunctionCall call => $"{call.Name}({(call.Distinct ? "DISTINCT " : "")}{string.Join(" ", call.Arguments.Select(Shape))})",
        CountStar => "count(*)",
        _ => throw new ArgumentOutOfRangeException(nameof(expression)),
    };

    public static string ExpressionShape(string expression) => Shape(Expression(expression));
}
