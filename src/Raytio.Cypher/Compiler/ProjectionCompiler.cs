using System.Text.Json;
using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Compiler;

/// <summary>
/// WITH and RETURN: an inner SELECT computes the items (grouped by the non-aggregating ones when
/// any aggregates, or DISTINCT), an outer one computes the sort keys, orders and cuts (SKIP,
/// LIMIT). Without aggregation or DISTINCT the inner rows keep their input columns, so ORDER BY
/// may also use variables that are not projected (as in Neo4j).
/// </summary>
internal sealed class ProjectionCompiler(CompilerState state)
{
    private ISqlDialect Sql => state.Dialect;

    public (Stage Stage, IReadOnlyList<string> Names) Compile(Projection projection, Stage input, bool isReturn, Position position)
    {
        var items = Items(projection, input, isReturn, position);
        var aggregating = items.Any(i => ExpressionCompiler.IsAggregate(i.Expression));
        var grouping = aggregating || projection.Distinct;

        var inputAlias = state.NewName("s");
        var inner = new SelectBuilder(state);
        inner.AddSource($"{input.Name} {inputAlias}");
        var itemCompiler = new ExpressionCompiler(state, input.ScopeAs(inputAlias), inner, aggregatesAllowed: true);
        var compiled = items.Select(item =>
        {
            var expr = itemCompiler.Compile(item.Expression);
            var kind = expr.Kind == SqlKind.Predicate ? SqlKind.Value : expr.Kind;
            var sql = expr.Kind == SqlKind.Predicate ? itemCompiler.AsValue(expr) : expr.Sql;
            return (item.Name, Sql: sql, Column: new StageColumn(item.Name, state.NewName("v"), kind), item.Expression);
        }).ToList();

        var selectItems = string.Join(", ", compiled.Select(c => $"{c.Sql} AS {c.Column.Column}"));
        var groupBy = aggregating
            ? compiled.Select((c, i) => ExpressionCompiler.IsAggregate(c.Expression) ? null : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).OfType<string>().ToList()
            : [];
        var innerSql = grouping
            ? $"SELECT {(projection.Distinct ? "DISTINCT " : "")}{selectItems}{inner.From()}{(groupBy.Count > 0 ? " GROUP BY " + string.Join(", ", groupBy) : "")}"
            : $"SELECT {inputAlias}.*, {selectItems}{inner.From()}";

        var projected = state.NewName("p");
        var outer = new SelectBuilder(state);
        outer.AddSource($"({innerSql}) {projected}");
        var aliases = compiled.ToDictionary(c => c.Name, c => new SqlExpr($"{projected}.{c.Column.Column}", c.Column.Kind), StringComparer.Ordinal);
        var sortScope = grouping ? new Scope(aliases) : input.ScopeAs(projected).Overlay(aliases);
        var sortCompiler = new ExpressionCompiler(state, sortScope, outer, aggregatesAllowed: false);
        var sorts = new List<(string Column, bool Descending)>();
        var sortItems = new List<string>();
        foreach (var sort in projection.OrderBy)
        {
            // After aggregation or DISTINCT, ORDER BY may repeat a projected expression (`ORDER BY count(*)`).
            var projectedAs = grouping ? items.FirstOrDefault(i => ExpressionEquality.Same(i.Expression, sort.Expression)) : null;
            var expression = projectedAs is null ? sort.Expression : new Variable(projectedAs.Name, sort.Expression.Position);
            foreach (var term in SortTerms(sortCompiler, sortCompiler.Compile(expression)))
            {
                var column = state.NewName("o");
                sortItems.Add($", {term} AS {column}");
                sorts.Add((column, sort.Descending));
            }
        }
        var orderBy = sorts.Count == 0 ? "" : " ORDER BY " + string.Join(", ", sorts.Select(s => s.Column + (s.Descending ? " DESC" : "")));
        var limit = Sql.LimitOffset(Count(projection.Limit, "LIMIT"), Count(projection.Skip, "SKIP"));

        var name = state.NewName("q");
        var outerItems = string.Join(", ", compiled.Select(c => $"{projected}.{c.Column.Column}"));
        state.AddCte(name, $"SELECT {outerItems}{string.Concat(sortItems)}{outer.From()}{orderBy}{limit}");
        var stage = new Stage(name, compiled.Select(c => c.Column).ToList(), isReturn ? sorts : []);
        return (stage, compiled.Select(c => c.Name).ToList());
    }

    private sealed record Item(string Name, Expression Expression);

    private static List<Item> Items(Projection projection, Stage input, bool isReturn, Position position)
    {
        var items = new List<Item>();
        if (projection.IncludeAll)
        {
            if (input.Columns.Count == 0)
            {
                throw ErrorCodes.Semantic("RETURN * / WITH * is not allowed when there are no variables in scope", position);
            }
            items.AddRange(input.Columns.OrderBy(c => c.Variable, StringComparer.Ordinal).Select(c => new Item(c.Variable, new Variable(c.Variable, position))));
        }
        foreach (var item in projection.Items)
        {
            if (!isReturn && item.Alias is null && item.Expression is not Variable)
            {
                throw ErrorCodes.Semantic($"Expression in WITH must be aliased (use AS): {item.Text}", item.Expression.Position);
            }
            items.Add(new Item(item.ColumnName, item.Expression));
        }
        var duplicate = items.GroupBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw ErrorCodes.Semantic($"Multiple result columns with the same name are not supported: {duplicate.Key}", position);
        }
        return items;
    }

    /// <summary>
    /// Neo4j's order: maps, nodes, relationships, lists, strings, booleans, numbers, then null
    /// (ascending); within a type by value, strings by code point.
    /// </summary>
    private IEnumerable<string> SortTerms(ExpressionCompiler compiler, SqlExpr expr)
    {
        if (expr.Kind is SqlKind.Node or SqlKind.Relationship or SqlKind.RelationshipPath)
        {
            return [$"(CASE WHEN {expr.Sql} IS NULL THEN 1 ELSE 0 END)", expr.Sql];
        }
        var json = compiler.AsValue(expr);
        var type = Sql.TypeOf(json);
        return
        [
            $"(CASE {type} WHEN 'object' THEN 0 WHEN 'array' THEN 3 WHEN 'string' THEN 5 WHEN 'boolean' THEN 6 WHEN 'number' THEN 7 ELSE 9 END)",
            $"(CASE WHEN {type} = 'string' THEN {Sql.CodePointOrder(Sql.AsText(json))} END)",
            $"(CASE WHEN {type} = 'number' THEN {Sql.AsNumber(json)} END)",
            $"(CASE WHEN {type} = 'boolean' THEN {Sql.AsBoolean(json)} END)",
            $"(CASE WHEN {type} IN ('array', 'object') THEN {Sql.AsText(json)} END)",
        ];
    }

    /// <summary>SKIP and LIMIT: a literal or parameter holding a non-negative integer.</summary>
    private string? Count(Expression? expression, string clause)
    {
        long? value = expression switch
        {
            null => null,
            Literal { Value: long number } => number,
            Syntax.Parameter parameter when state.Context.Parameters?.TryGetValue(parameter.Name, out var element) == true =>
                element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number) ? number : -1,
            Syntax.Parameter parameter => throw ErrorCodes.Semantic($"Expected parameter: ${parameter.Name}", parameter.Position),
            Literal => -1,
            _ => throw ErrorCodes.NotSupported($"{clause} with an expression (use a literal or a parameter)", expression.Position),
        };
        if (value is null)
        {
            return null;
        }
        return value < 0
            ? throw ErrorCodes.Semantic($"{clause} must be a non-negative integer", expression!.Position)
            : state.Parameters.Add(value.Value);
    }
}
