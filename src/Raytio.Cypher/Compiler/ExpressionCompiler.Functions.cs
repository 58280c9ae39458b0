using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Compiler;

/// <summary>The functions of the subset: scalar ones and aggregates (only where a projection allows them).</summary>
internal sealed partial class ExpressionCompiler
{
    private static readonly HashSet<string> AggregateNames = new(StringComparer.OrdinalIgnoreCase) { "count", "collect", "min", "max", "sum", "avg" };

    public static bool IsAggregate(Expression expression) => expression switch
    {
        CountStar => true,
        FunctionCall call => AggregateNames.Contains(call.Name) || call.Arguments.Any(IsAggregate),
        Binary binary => IsAggregate(binary.Left) || IsAggregate(binary.Right),
        Unary unary => IsAggregate(unary.Operand),
        IsNull isNull => IsAggregate(isNull.Operand),
        PropertyAccess access => IsAggregate(access.Target),
        ListLiteral list => list.Items.Any(IsAggregate),
        _ => false,
    };

    private SqlExpr CompileFunction(FunctionCall call)
    {
        var name = call.Name.ToLowerInvariant();
        if (AggregateNames.Contains(name))
        {
            return Aggregate(call.Position, call.Name, () => CompileAggregate(name, call));
        }
        if (call.Distinct)
        {
            throw ErrorCodes.Semantic($"DISTINCT is only allowed in aggregating functions, not in {call.Name}()", call.Position);
        }
        return name switch
        {
            "id" => Id(Single(call)),
            "labels" => NodeFunction(call, node => $"{select.NodeRow(node)}.labels"),
            "type" => RelationshipFunction(call, relationship => Sql.TextToJson($"{select.RelationshipRow(relationship)}.type")),
            "size" => Size(Single(call)),
            "tolower" => Text(Single(call), Sql.ToLower),
            "toupper" => Text(Single(call), Sql.ToUpper),
            "coalesce" => Coalesce(call),
            "exists" => Exists(call),
            _ => throw ErrorCodes.NotSupported($"function {call.Name}()", call.Position),
        };
    }

    private SqlExpr Single(FunctionCall call) => call.Arguments.Count == 1
        ? Compile(call.Arguments[0])
        : throw ErrorCodes.Semantic($"{call.Name}() takes one argument", call.Position);

    private SqlExpr Id(SqlExpr target) => target.Kind is SqlKind.Node or SqlKind.Relationship
        ? Value(Sql.NumberToJson(target.Sql))
        : throw ErrorCodes.Semantic("Type mismatch: id() expects a node or a relationship");

    private SqlExpr NodeFunction(FunctionCall call, Func<string, string> read) => Single(call) is { Kind: SqlKind.Node } node
        ? Value(read(node.Sql))
        : throw ErrorCodes.Semantic($"Type mismatch: {call.Name}() expects a node", call.Position);

    private SqlExpr RelationshipFunction(FunctionCall call, Func<string, string> read) => Single(call) is { Kind: SqlKind.Relationship } relationship
        ? Value(read(relationship.Sql))
        : throw ErrorCodes.Semantic($"Type mismatch: {call.Name}() expects a relationship", call.Position);

    private SqlExpr Size(SqlExpr target)
    {
        if (target.Kind == SqlKind.RelationshipPath)
        {
            return Value(Sql.NumberToJson(Sql.IdPathLength(target.Sql)));
        }
        var json = AsValue(target);
        return Value($"(CASE {Sql.TypeOf(json)} WHEN 'string' THEN {Sql.NumberToJson($"length({Sql.AsText(json)})")}"
            + $" WHEN 'array' THEN {Sql.NumberToJson(Sql.ArrayLength(json))} END)");
    }

    private SqlExpr Text(SqlExpr target, Func<string, string> change)
    {
        var json = AsValue(target);
        return Value($"(CASE WHEN {Sql.TypeOf(json)} = 'string' THEN {Sql.TextToJson(change(Sql.AsText(json)))} END)");
    }

    private SqlExpr Coalesce(FunctionCall call)
    {
        if (call.Arguments.Count == 0)
        {
            throw ErrorCodes.Semantic("coalesce() takes at least one argument", call.Position);
        }
        var arguments = call.Arguments.Select(Compile).ToList();
        var kind = arguments[0].Kind;
        return kind is SqlKind.Node or SqlKind.Relationship && arguments.All(a => a.Kind == kind)
            ? new SqlExpr($"COALESCE({string.Join(", ", arguments.Select(a => a.Sql))})", kind)
            : Value($"COALESCE({string.Join(", ", arguments.Select(AsValue))})");
    }

    private SqlExpr Exists(FunctionCall call) => call.Arguments is [PropertyAccess property]
        ? Predicate($"({Compile(property).Sql} IS NOT NULL)")
        : throw ErrorCodes.NotSupported("exists() of anything but a property", call.Position);

    /// <summary>Aggregates are compiled only where the projection allows them, never nested.</summary>
    private SqlExpr Aggregate(Position position, string name, Func<SqlExpr> compile)
    {
        if (!aggregatesAllowed)
        {
            throw ErrorCodes.Semantic($"Invalid use of aggregating function {name}(...) in this context", position);
        }
        return compile();
    }

    private SqlExpr CompileAggregate(string name, FunctionCall call)
    {
        var inner = new ExpressionCompiler(state, scope, select, aggregatesAllowed: false);
        if (call.Arguments.Count != 1)
        {
            throw ErrorCodes.Semantic($"{call.Name}() takes one argument", call.Position);
        }
        var argument = inner.Compile(call.Arguments[0]);
        var distinct = call.Distinct ? "DISTINCT " : "";
        var json = inner.AsValue(argument);
        var number = $"CASE WHEN {Sql.TypeOf(json)} = 'number' THEN {Sql.AsNumber(json)} END";
        var text = $"CASE WHEN {Sql.TypeOf(json)} = 'string' THEN {Sql.AsText(json)} END";
        return name switch
        {
            "count" => Value(Sql.NumberToJson($"COUNT({distinct}{(argument.Kind is SqlKind.Node or SqlKind.Relationship ? argument.Sql : json)})")),
            "collect" => Value(Sql.CollectAggregate(json, call.Distinct)),
            "sum" => Value(Sql.NumberToJson($"COALESCE(SUM({distinct}{number}), 0)")),
            "avg" => Value(Sql.NumberToJson($"CAST(AVG({distinct}{number}) AS double precision)")),
            _ => Value($"COALESCE({Sql.NumberToJson($"{name.ToUpperInvariant()}({number})")}, {Sql.TextToJson($"{name.ToUpperInvariant()}({Sql.CodePointOrder(text)})")})"),
        };
    }
}
