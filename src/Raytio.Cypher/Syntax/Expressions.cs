namespace Raytio.Cypher.Syntax;

public abstract record Expression(Position Position);

/// <summary>A literal: long, double, string, bool or null.</summary>
public sealed record Literal(object? Value, Position Position) : Expression(Position);

public sealed record ListLiteral(IReadOnlyList<Expression> Items, Position Position) : Expression(Position);

/// <summary>`$name` (or `$0`): its value comes with the request, never into the SQL text.</summary>
public sealed record Parameter(string Name, Position Position) : Expression(Position);

public sealed record Variable(string Name, Position Position) : Expression(Position);

/// <summary>`target.property`.</summary>
public sealed record PropertyAccess(Expression Target, string Property, Position Position) : Expression(Position);

public enum BinaryOperator
{
    Or,
    Xor,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    StartsWith,
    EndsWith,
    Contains,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

public sealed record Binary(BinaryOperator Operator, Expression Left, Expression Right, Position Position) : Expression(Position);

public enum UnaryOperator
{
    Not,
    Negate,
}

public sealed record Unary(UnaryOperator Operator, Expression Operand, Position Position) : Expression(Position);

/// <summary>`x IS NULL` / `x IS NOT NULL`.</summary>
public sealed record IsNull(Expression Operand, bool Negated, Position Position) : Expression(Position);

/// <summary>
/// A function call; names are matched case-insensitively and kept as written. Scalar: labels,
/// type, id, size, toLower, toUpper, coalesce, exists. Aggregating: count, collect, min, max, sum,
/// avg (with <see cref="Distinct"/> allowed).
/// </summary>
public sealed record FunctionCall(string Name, bool Distinct, IReadOnlyList<Expression> Arguments, Position Position) : Expression(Position);

/// <summary>`count(*)`.</summary>
public sealed record CountStar(Position Position) : Expression(Position);
