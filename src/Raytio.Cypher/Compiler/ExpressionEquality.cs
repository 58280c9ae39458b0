using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Compiler;

/// <summary>Whether two expressions are written the same, wherever they stand in the text.</summary>
internal static class ExpressionEquality
{
    public static bool Same(Expression a, Expression b) => (a, b) switch
    {
        (Literal x, Literal y) => Equals(x.Value, y.Value),
        (ListLiteral x, ListLiteral y) => SameAll(x.Items, y.Items),
        (Syntax.Parameter x, Syntax.Parameter y) => x.Name == y.Name,
        (Variable x, Variable y) => x.Name == y.Name,
        (PropertyAccess x, PropertyAccess y) => x.Property == y.Property && Same(x.Target, y.Target),
        (Binary x, Binary y) => x.Operator == y.Operator && Same(x.Left, y.Left) && Same(x.Right, y.Right),
        (Unary x, Unary y) => x.Operator == y.Operator && Same(x.Operand, y.Operand),
        (IsNull x, IsNull y) => x.Negated == y.Negated && Same(x.Operand, y.Operand),
        (FunctionCall x, FunctionCall y) => string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase) && x.Distinct == y.Distinct && SameAll(x.Arguments, y.Arguments),
        (CountStar, CountStar) => true,
        _ => false,
    };

    private static bool SameAll(IReadOnlyList<Expression> a, IReadOnlyList<Expression> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => Same(pair.First, pair.Second));
}
