using System.Text;
using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Compiler;

/// <summary>
/// Compiles a parsed query to one SQL statement over the caller's visible graph (docs/CYPHER.md
/// "Compiler"): CTEs for visibility, then one CTE per stage of each single query, then the final
/// SELECT of JSON texts, cut at <see cref="CompileContext.MaxRows"/> + 1 rows.
/// </summary>
public static class CypherCompiler
{
    public static CompiledQuery Compile(Query query, CompileContext context)
    {
        var state = new CompilerState(context);
        VisibilityCompiler.AddCtes(state);
        var parts = query.Parts.Select(part => new SingleQueryCompiler(state).Compile(part)).ToList();
        var columns = parts[0].Columns;
        if (parts.Skip(1).Any(p => !p.Columns.SequenceEqual(columns, StringComparer.Ordinal)))
        {
            throw ErrorCodes.Semantic("All sub queries in an UNION must have the same return column names");
        }
        if (query.UnionAll.Distinct().Count() > 1)
        {
            throw ErrorCodes.Semantic("Invalid combination of UNION and UNION ALL");
        }
        var maxRows = state.Parameters.Add((long)context.MaxRows + 1);
        var values = new ExpressionCompiler(state, Scope.Empty, new SelectBuilder(state), aggregatesAllowed: false);
        string Results(Stage stage) => string.Join(", ", stage.Columns.Select((c, i) =>
            $"{context.Dialect.ResultText(values.AsValue(new SqlExpr(c.Column, c.Kind)))} AS c{i}"));

        var sql = new StringBuilder("WITH RECURSIVE\n").AppendJoin(",\n", state.Ctes).Append('\n');
        if (parts.Count == 1)
        {
            var stage = parts[0].Stage;
            var orderBy = stage.SortColumns.Count == 0 ? "" : " ORDER BY " + string.Join(", ", stage.SortColumns.Select(s => s.Column + (s.Descending ? " DESC" : "")));
            sql.Append($"SELECT {Results(stage)} FROM {stage.Name}{orderBy} LIMIT {maxRows}");
        }
        else
        {
            var union = query.UnionAll.FirstOrDefault() ? " UNION ALL " : " UNION ";
            sql.Append($"SELECT * FROM ({string.Join(union, parts.Select(p => $"SELECT {Results(p.Stage)} FROM {p.Stage.Name}"))}) u LIMIT {maxRows}");
        }
        return new CompiledQuery(sql.ToString(), state.Parameters.All, columns);
    }
}
