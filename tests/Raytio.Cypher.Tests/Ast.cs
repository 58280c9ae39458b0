using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Tests;

/// <summary>Short hands to write query ASTs in tests (the compiler is tested apart from the parser).</summary>
internal static class Ast
{
    public static readonly Position At = new(1, 1);

    public static NodePattern Node(string? variable = null, params string[] labels) => new(variable, labels, [], At);

    public static NodePattern WithProperties(this NodePattern node, params (string Key, Expression Value)[] properties) =>
        node with { Properties = properties.Select(p => new PropertyEntry(p.Key, p.Value)).ToList() };

    public static RelationshipPattern Out(string? variable = null, params string[] types) => new(variable, types, Direction.Outgoing, null, [], At);

    public static RelationshipPattern In(string? variable = null, params string[] types) => new(variable, types, Direction.Incoming, null, [], At);

    public static RelationshipPattern Both(string? variable = null, params string[] types) => new(variable, types, Direction.Either, null, [], At);

    public static RelationshipPattern Length(this RelationshipPattern relationship, int? min, int? max) => relationship with { Length = new VariableLength(min, max) };

    public static RelationshipPattern WithProperties(this RelationshipPattern relationship, params (string Key, Expression Value)[] properties) =>
        relationship with { Properties = properties.Select(p => new PropertyEntry(p.Key, p.Value)).ToList() };

    public static PatternPart Path(NodePattern start, params object[] relationshipsAndNodes) =>
        new(start, relationshipsAndNodes.Chunk(2).Select(pair => new PatternStep((RelationshipPattern)pair[0], (NodePattern)pair[1])).ToList());

    public static MatchClause Match(params PatternPart[] parts) => new(false, parts, null, At);

    public static MatchClause OptionalMatch(params PatternPart[] parts) => new(true, parts, null, At);

    public static MatchClause Where(this MatchClause match, Expression where) => match with { Where = where };

    /// <summary>An item named <paramref name="name"/>: an alias unless it is that variable itself.</summary>
    public static ProjectionItem Item(Expression expression, string name) =>
        expression is Variable variable && variable.Name == name ? new(expression, null, name) : new(expression, name, name);

    /// <summary>A variable projected under its own name.</summary>
    public static ProjectionItem Item(string variable) => new(Var(variable), null, variable);

    public static Projection Projection(params ProjectionItem[] items) => new(false, false, items, [], null, null);

    public static ReturnClause Return(params ProjectionItem[] items) => new(Projection(items), At);

    public static ReturnClause Return(Projection projection) => new(projection, At);

    public static WithClause With(params ProjectionItem[] items) => new(Projection(items), null, At);

    public static WithClause With(Projection projection, Expression? where = null) => new(projection, where, At);

    public static Projection OrderBy(this Projection projection, params SortItem[] items) => projection with { OrderBy = items };

    public static SortItem Asc(Expression expression) => new(expression, false);

    public static SortItem Desc(Expression expression) => new(expression, true);

    public static Query Single(params Clause[] clauses) => new([new SingleQuery(clauses)], []);

    public static Query Union(bool all, params SingleQuery[] parts) => new(parts, parts.Skip(1).Select(_ => all).ToList());

    public static SingleQuery Part(params Clause[] clauses) => new(clauses);

    public static Variable Var(string name) => new(name, At);

    public static PropertyAccess Prop(string variable, string key) => new(Var(variable), key, At);

    public static Literal Lit(object? value) => new(value, At);

    public static ListLiteral List(params object?[] values) => new(values.Select(v => v as Expression ?? Lit(v)).ToList(), At);

    public static Syntax.Parameter Param(string name) => new(name, At);

    public static Binary Op(BinaryOperator op, Expression left, Expression right) => new(op, left, right, At);

    public static Binary Eq(Expression left, Expression right) => Op(BinaryOperator.Equal, left, right);

    public static Unary Not(Expression operand) => new(UnaryOperator.Not, operand, At);

    public static IsNull IsNull(Expression operand, bool negated = false) => new(operand, negated, At);

    public static FunctionCall Call(string name, params Expression[] arguments) => new(name, false, arguments, At);

    public static FunctionCall CallDistinct(string name, params Expression[] arguments) => new(name, true, arguments, At);

    public static CountStar CountAll() => new(At);
}
