namespace Raytio.Cypher.Compiler;

/// <summary>A variable a stage carries, in its column.</summary>
internal sealed record StageColumn(string Variable, string Column, SqlKind Kind);

/// <summary>
/// One step of the pipeline: a CTE whose rows are the bindings so far. <see cref="SortColumns"/>
/// (with their directions) are the ORDER BY of a RETURN, applied again by the final SELECT.
/// </summary>
internal sealed record Stage(string Name, IReadOnlyList<StageColumn> Columns, IReadOnlyList<(string Column, bool Descending)> SortColumns)
{
    public Scope ScopeAs(string alias) =>
        new(Columns.ToDictionary(c => c.Variable, c => new SqlExpr($"{alias}.{c.Column}", c.Kind), StringComparer.Ordinal));
}
