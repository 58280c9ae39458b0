using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Compiler;

/// <summary>Operators with Cypher's meaning: values of different types are unequal and unordered (null).</summary>
internal sealed partial class ExpressionCompiler
{
    private SqlExpr CompileBinary(Binary binary)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.And:
                return Predicate($"({CompilePredicate(binary.Left)} AND {CompilePredicate(binary.Right)})");
            case BinaryOperator.Or:
                return Predicate($"({CompilePredicate(binary.Left)} OR {CompilePredicate(binary.Right)})");
            case BinaryOperator.Xor:
                return Predicate($"({CompilePredicate(binary.Left)} <> {CompilePredicate(binary.Right)})");
            case BinaryOperator.Equal:
                return Predicate(Equal(Compile(binary.Left), Compile(binary.Right)));
            case BinaryOperator.NotEqual:
                return Predicate($"(NOT {Equal(Compile(binary.Left), Compile(binary.Right))})");
            case BinaryOperator.In:
                return Predicate(In(CompileValue(binary.Left), CompileValue(binary.Right)));
            case BinaryOperator.Less:
            case BinaryOperator.LessOrEqual:
            case BinaryOperator.Greater:
            case BinaryOperator.GreaterOrEqual:
                return Predicate(Order(CompileValue(binary.Left), CompileValue(binary.Right), ComparisonSymbol(binary.Operator)));
            case BinaryOperator.StartsWith:
                return Strings(binary, Sql.StartsWith);
            case BinaryOperator.EndsWith:
                return Strings(binary, Sql.EndsWith);
            case BinaryOperator.Contains:
                return Strings(binary, Sql.Contains);
            default:
                return Arithmetic(binary.Operator, CompileValue(binary.Left), CompileValue(binary.Right));
        }
    }

    private static string ComparisonSymbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        _ => ">=",
    };

    /// <summary>Nodes and relationships by id; values equal only when of the same type.</summary>
    private string Equal(SqlExpr left, SqlExpr right)
    {
        if (left.Kind == right.Kind && left.Kind is SqlKind.Node or SqlKind.Relationship)
        {
            return $"({left.Sql} = {right.Sql})";
        }
        return EqualValues(AsValue(left), AsValue(right));
    }

    private string EqualValues(string left, string right) =>
        $"(CASE WHEN {left} IS NULL OR {right} IS NULL THEN NULL WHEN {Sql.TypeOf(left)} = {Sql.TypeOf(right)} THEN {Sql.JsonEquals(left, right)} ELSE {Sql.False} END)";

    private string Order(string left, string right, string symbol) =>
        $"(CASE WHEN {Sql.TypeOf(left)} = {Sql.TypeOf(right)} THEN CASE {Sql.TypeOf(left)}"
        + $" WHEN 'string' THEN {Sql.CodePointOrder(Sql.AsText(left))} {symbol} {Sql.CodePointOrder(Sql.AsText(right))}"
        + $" WHEN 'number' THEN {Sql.AsNumber(left)} {symbol} {Sql.AsNumber(right)}"
        + $" WHEN 'boolean' THEN {Sql.AsBoolean(left)} {symbol} {Sql.AsBoolean(right)} END END)";

    /// <summary>
    /// `x IN list`: true when an element equals x; else null when x or an element is null (and
    /// the list is not empty); else false.
    /// </summary>
    private string In(string item, string list)
    {
        var element = state.NewName("e");
        return $"(CASE WHEN {Sql.TypeOf(list)} IS NULL OR {Sql.TypeOf(list)} <> 'array' THEN NULL"
            + $" WHEN {Sql.ArrayLength(list)} = 0 THEN {Sql.False}"
            + $" WHEN {item} IS NULL THEN NULL"
            + $" WHEN EXISTS (SELECT 1 FROM {Sql.ArrayElements(list, element)} WHERE {EqualValues(item, $"{element}.value")}) THEN {Sql.True}"
            + $" WHEN EXISTS (SELECT 1 FROM {Sql.ArrayElements(list, element)} WHERE {element}.value IS NULL) THEN NULL"
            + $" ELSE {Sql.False} END)";
    }

    private SqlExpr Strings(Binary binary, Func<string, string, string> test)
    {
        var left = CompileValue(binary.Left);
        var right = CompileValue(binary.Right);
        return Predicate($"(CASE WHEN {Sql.TypeOf(left)} = 'string' AND {Sql.TypeOf(right)} = 'string' THEN {test(Sql.AsText(left), Sql.AsText(right))} END)");
    }

    /// <summary>Numbers (and + on two strings); anything else is null.</summary>
    private SqlExpr Arithmetic(BinaryOperator op, string left, string right)
    {
        var (a, b) = (Sql.AsNumber(left), Sql.AsNumber(right));
        var number = op switch
        {
            BinaryOperator.Add => $"({a} + {b})",
            BinaryOperator.Subtract => $"({a} - {b})",
            BinaryOperator.Multiply => $"({a} * {b})",
            BinaryOperator.Divide => Sql.Divide(a, b),
            _ => Sql.Modulo(a, b),
        };
        var numbers = $"WHEN {Sql.TypeOf(left)} = 'number' AND {Sql.TypeOf(right)} = 'number' THEN {Sql.NumberToJson(number)}";
        var strings = op == BinaryOperator.Add
            ? $" WHEN {Sql.TypeOf(left)} = 'string' AND {Sql.TypeOf(right)} = 'string' THEN {Sql.TextToJson($"({Sql.AsText(left)} || {Sql.AsText(right)})")}"
            : "";
        return Value($"(CASE {numbers}{strings} END)");
    }
}
