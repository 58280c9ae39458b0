using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Compiler;

/// <summary>
/// MATCH: the input rows joined with visible nodes and relationships. OPTIONAL MATCH: each input
/// row joined (left) with its matches, so a row without any keeps nulls. Within one clause a
/// relationship is used at most once per match (Neo4j's relationship uniqueness).
/// </summary>
internal sealed class MatchCompiler(CompilerState state)
{
    public Stage Compile(MatchClause clause, Stage input) => clause.Optional ? Optional(clause, input) : Required(clause, input);

    private Stage Required(MatchClause clause, Stage input)
    {
        var alias = state.NewName("s");
        var select = new SelectBuilder(state);
        select.AddSource($"{input.Name} {alias}");
        var bound = Match(clause, input.ScopeAs(alias), select);
        var name = state.NewName("q");
        var columns = bound.Select(b => $", {b.Expr.Sql} AS {b.Column.Column}");
        state.AddCte(name, $"SELECT {alias}.*{string.Concat(columns)}{select.From()}{select.Where()}");
        return new Stage(name, [.. input.Columns, .. bound.Select(b => b.Column)], []);
    }

    private Stage Optional(MatchClause clause, Stage input)
    {
        var numbered = state.NewName("q");
        var rowNumber = state.NewName("rn");
        state.AddCte(numbered, $"SELECT i.*, ROW_NUMBER() OVER () AS {rowNumber} FROM {input.Name} i", materialized: true);

        var alias = state.NewName("s");
        var select = new SelectBuilder(state);
        select.AddSource($"{numbered} {alias}");
        var bound = Match(clause, input.ScopeAs(alias), select);
        var matches = $"SELECT {alias}.{rowNumber} AS match_row{string.Concat(bound.Select(b => $", {b.Expr.Sql} AS {b.Column.Column}"))}{select.From()}{select.Where()}";

        var name = state.NewName("q");
        var columns = bound.Select(b => $", m.{b.Column.Column}");
        state.AddCte(name, $"SELECT o.*{string.Concat(columns)} FROM {numbered} o LEFT JOIN ({matches}) m ON m.match_row = o.{rowNumber}");
        return new Stage(name, [.. input.Columns, .. bound.Select(b => b.Column)], []);
    }

    private sealed record Bound(StageColumn Column, SqlExpr Expr);

    /// <summary>Adds the clause's sources and conditions to <paramref name="select"/>; answers the variables it binds.</summary>
    private List<Bound> Match(MatchClause clause, Scope inputScope, SelectBuilder select)
    {
        var pattern = new PatternCompiler(state, inputScope, select);
        foreach (var part in clause.Patterns)
        {
            pattern.Add(part);
        }
        pattern.AddUniqueness();
        if (clause.Where is { } where)
        {
            select.AddCondition(new ExpressionCompiler(state, pattern.Scope, select, aggregatesAllowed: false).CompilePredicate(where));
        }
        return pattern.NewVariables.Select(v => new Bound(new StageColumn(v.Name, state.NewName("v"), v.Expr.Kind), v.Expr)).ToList();
    }
}
