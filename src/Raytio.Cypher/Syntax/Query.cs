namespace Raytio.Cypher.Syntax;

/// <summary>
/// A whole read-only query: one or more single queries joined by UNION or UNION ALL
/// (<see cref="UnionAll"/>[i] joins <see cref="Parts"/>[i] and [i + 1]).
/// </summary>
public sealed record Query(IReadOnlyList<SingleQuery> Parts, IReadOnlyList<bool> UnionAll);

/// <summary>Clauses in order: MATCH / OPTIONAL MATCH and WITH, ending with one RETURN.</summary>
public sealed record SingleQuery(IReadOnlyList<Clause> Clauses);

public abstract record Clause(Position Position);

/// <summary>MATCH or OPTIONAL MATCH of comma-separated pattern parts, with an optional WHERE.</summary>
public sealed record MatchClause(bool Optional, IReadOnlyList<PatternPart> Patterns, Expression? Where, Position Position) : Clause(Position);

/// <summary>WITH: a projection that pipes into the next clauses, with an optional WHERE on its result.</summary>
public sealed record WithClause(Projection Projection, Expression? Where, Position Position) : Clause(Position);

public sealed record ReturnClause(Projection Projection, Position Position) : Clause(Position);

/// <summary>
/// The body of RETURN and WITH. <see cref="IncludeAll"/> is `*` (every variable in scope, before
/// the listed items). Aggregating items group by the non-aggregating ones (implicit grouping).
/// </summary>
public sealed record Projection(
    bool Distinct,
    bool IncludeAll,
    IReadOnlyList<ProjectionItem> Items,
    IReadOnlyList<SortItem> OrderBy,
    Expression? Skip,
    Expression? Limit);

/// <summary>One projected value; <see cref="Text"/> is its source text, the column name when there is no alias (as Neo4j names columns).</summary>
public sealed record ProjectionItem(Expression Expression, string? Alias, string Text)
{
    public string ColumnName => Alias ?? Text;
}

public sealed record SortItem(Expression Expression, bool Descending);
