using System.Text.Json;
using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Compiler;

/// <summary>
/// Compiles expressions over a scope into SQL of one SELECT (whose builder joins the rows that
/// property reads need). Values are JSON with SQL NULL for null, so three-valued logic is SQL's.
/// </summary>
internal sealed partial class ExpressionCompiler(CompilerState state, Scope scope, SelectBuilder select, bool aggregatesAllowed)
{
    private ISqlDialect Sql => state.Dialect;

    public SqlExpr Compile(Expression expression) => expression switch
    {
        Literal literal => LiteralValue(literal.Value),
        ListLiteral list => new SqlExpr(Sql.JsonArray(list.Items.Select(CompileValue).ToList()), SqlKind.Value),
        Syntax.Parameter parameter => ParameterValue(parameter),
        Variable variable => scope.TryGet(variable.Name, out var bound)
            ? bound
            : throw ErrorCodes.Semantic($"Variable `{variable.Name}` not defined", variable.Position),
        PropertyAccess access => Property(Compile(access.Target), access.Property, access.Position),
        Binary binary => CompileBinary(binary),
        Unary { Operator: UnaryOperator.Not } not => Predicate($"(NOT {CompilePredicate(not.Operand)})"),
        Unary negate => Numeric(CompileValue(negate.Operand), n => $"(-{n})"),
        IsNull isNull => Predicate($"({Compile(isNull.Operand).Sql} IS {(isNull.Negated ? "NOT " : "")}NULL)"),
        FunctionCall call => CompileFunction(call),
        CountStar countStar => Aggregate(countStar.Position, "count(*)", () => Value(Sql.NumberToJson("COUNT(*)"))),
        _ => throw ErrorCodes.NotSupported(expression.GetType().Name, expression.Position),
    };

    /// <summary>The expression as a JSON value: nodes and relationships as their markers.</summary>
    public string CompileValue(Expression expression) => AsValue(Compile(expression));

    public string CompilePredicate(Expression expression) => AsPredicate(Compile(expression), expression.Position);

    public string AsValue(SqlExpr expr) => expr.Kind switch
    {
        SqlKind.Value => expr.Sql,
        SqlKind.Predicate => Sql.BooleanToJson(expr.Sql),
        SqlKind.Node => $"(CASE WHEN {expr.Sql} IS NULL THEN NULL ELSE {Sql.JsonObject(state.Context.ResultMarkers.Node, expr.Sql)} END)",
        SqlKind.Relationship => $"(CASE WHEN {expr.Sql} IS NULL THEN NULL ELSE {Sql.JsonObject(state.Context.ResultMarkers.Relationship, expr.Sql)} END)",
        _ => $"(CASE WHEN {expr.Sql} IS NULL THEN NULL ELSE {Sql.IdPathToJson(expr.Sql, state.Context.ResultMarkers.Relationship)} END)",
    };

    private string AsPredicate(SqlExpr expr, Position position) => expr.Kind switch
    {
        SqlKind.Predicate => expr.Sql,
        SqlKind.Value => $"(CASE WHEN {Sql.TypeOf(expr.Sql)} = 'boolean' THEN {Sql.AsBoolean(expr.Sql)} END)",
        _ => throw ErrorCodes.Semantic("Type mismatch: expected Boolean but was a node, relationship or path", position),
    };

    private static SqlExpr Value(string sql) => new(sql, SqlKind.Value);

    private static SqlExpr Predicate(string sql) => new(sql, SqlKind.Predicate);

    private SqlExpr LiteralValue(object? value) => value is null ? Value("NULL") : Value(state.Parameters.AddJson(Sql, value));

    private SqlExpr ParameterValue(Syntax.Parameter parameter)
    {
        if (state.Context.Parameters is null || !state.Context.Parameters.TryGetValue(parameter.Name, out var value))
        {
            throw ErrorCodes.Semantic($"Expected parameter: ${parameter.Name}", parameter.Position);
        }
        return value.ValueKind == JsonValueKind.Null ? Value("NULL") : LiteralValue(value);
    }

    private SqlExpr Property(SqlExpr target, string key, Position position)
    {
        switch (target.Kind)
        {
            case SqlKind.Node:
                var node = select.NodeRow(target.Sql);
                var kind = key switch { "n_id" => 0, "u_id" => 1, "g_id" => 2, _ => -1 };
                return kind >= 0
                    ? Value($"(CASE WHEN {node}.kind = {kind} THEN {Sql.GuidToJson($"{node}.key")} END)")
                    : Value(Sql.JsonMember($"{node}.properties", Member(key)));
            case SqlKind.Relationship:
                var relationship = select.RelationshipRow(target.Sql);
                return key == "p_id"
                    ? Value($"(CASE WHEN {relationship}.id IS NULL THEN NULL ELSE {Sql.GuidToJson($"{relationship}.p_id")} END)")
                    : Value(Sql.JsonMember($"{relationship}.properties", Member(key)));
            case SqlKind.Value:
                return Value($"(CASE WHEN {Sql.TypeOf(target.Sql)} = 'object' THEN {Sql.JsonMember(target.Sql, Member(key))} END)");
            default:
                throw ErrorCodes.Semantic($"Type mismatch: cannot read property `{key}` of this value", position);
        }
    }

    /// <summary>`target.key = value`, the meaning of a property map in a pattern.</summary>
    public string PropertyEquals(SqlExpr target, string key, Expression value, Position position) =>
        Equal(Property(target, key, position), Compile(value));

    private string Member(string key) => state.Parameters.Add(Sql.MemberPath(key));

    /// <summary>A number operation: null unless the operand is a number.</summary>
    private SqlExpr Numeric(string json, Func<string, string> operation) =>
        Value($"(CASE WHEN {Sql.TypeOf(json)} = 'number' THEN {Sql.NumberToJson(operation(Sql.AsNumber(json)))} END)");
}
