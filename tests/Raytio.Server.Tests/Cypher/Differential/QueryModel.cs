namespace Raytio.Server.Tests.Cypher.Differential;

// The generator's own small model of a query in the subset: CypherWriter prints it as openCypher,
// and KuzuTranslation rewrites it into what Kuzu needs before it is printed for Kuzu.

public abstract record Expr;

public sealed record PropertyExpr(string Variable, string Property) : Expr;

public sealed record VariableExpr(string Name) : Expr;

/// <summary>A string, long, double, bool or null.</summary>
public sealed record LiteralExpr(object? Value) : Expr;

public sealed record ListExpr(IReadOnlyList<Expr> Items) : Expr;

/// <summary>Comparison, AND / OR / XOR, IN, STARTS WITH / ENDS WITH / CONTAINS: printed in parentheses.</summary>
public sealed record BinaryExpr(Expr Left, string Operator, Expr Right) : Expr;

public sealed record NotExpr(Expr Operand) : Expr;

public sealed record IsNullExpr(Expr Operand, bool Negated) : Expr;

/// <summary>A function or aggregate call; count(*) is <see cref="CountStarExpr"/>.</summary>
public sealed record CallExpr(string Function, IReadOnlyList<Expr> Arguments) : Expr;

public sealed record CountStarExpr : Expr;

public enum Direction
{
    Right,
    Left,
    Both,
}

/// <summary>A node; <paramref name="Label"/> is null when the variable is bound by an earlier pattern.</summary>
public sealed record NodePattern(string Variable, string? Label, IReadOnlyList<KeyValuePair<string, object>> Properties);

/// <summary>A relationship; <paramref name="MaxHops"/> set means variable length; Trail is Kuzu's path semantics.</summary>
public sealed record RelationshipPattern(string? Variable, IReadOnlyList<string> Types, Direction Direction, int? MinHops = null, int? MaxHops = null, bool Trail = false)
{
    public bool IsVariableLength => MaxHops is not null;
}

public sealed record Hop(RelationshipPattern Relationship, NodePattern Node);

public sealed record PathPattern(NodePattern Start, IReadOnlyList<Hop> Hops);

public sealed record MatchClause(bool Optional, IReadOnlyList<PathPattern> Patterns, Expr? Where);

public sealed record WithClause(IReadOnlyList<string> Variables, Expr? Where);

public sealed record ReturnItem(Expr Expression, string Alias);

public sealed record SortItem(string Alias, bool Descending);

public sealed record ReturnClause(bool Distinct, IReadOnlyList<ReturnItem> Items, IReadOnlyList<SortItem> OrderBy, int? Skip, int? Limit);

public sealed record SingleQuery(IReadOnlyList<MatchClause> Matches, WithClause? With, ReturnClause Return);

/// <summary>Single queries joined by UNION (or UNION ALL).</summary>
public sealed record GeneratedQuery(IReadOnlyList<SingleQuery> Parts, bool UnionAll)
{
    /// <summary>Rows come in a defined order: compare them as a sequence, not as a multiset.</summary>
    public bool Ordered => Parts.Count == 1 && Parts[0].Return.OrderBy.Count > 0;
}
