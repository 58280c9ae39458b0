using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Compiler;

/// <summary>The clauses of one single query as a chain of stages, from one empty row to its RETURN.</summary>
internal sealed class SingleQueryCompiler(CompilerState state)
{
    public (Stage Stage, IReadOnlyList<string> Columns) Compile(SingleQuery query)
    {
        var unit = state.NewName("q");
        state.AddCte(unit, "SELECT 1 AS unit");
        var stage = new Stage(unit, [], []);
        for (var i = 0; i < query.Clauses.Count; i++)
        {
            switch (query.Clauses[i])
            {
                case MatchClause match:
                    stage = new MatchCompiler(state).Compile(match, stage);
                    break;
                case WithClause with:
                    stage = new ProjectionCompiler(state).Compile(with.Projection, stage, isReturn: false, with.Position).Stage;
                    if (with.Where is { } where)
                    {
                        stage = Filter(stage, where);
                    }
                    break;
                case ReturnClause @return when i == query.Clauses.Count - 1:
                    return new ProjectionCompiler(state).Compile(@return.Projection, stage, isReturn: true, @return.Position);
                case ReturnClause @return:
                    throw ErrorCodes.Semantic("RETURN can only be used at the end of the query", @return.Position);
                case var other:
                    throw ErrorCodes.NotSupported(other.GetType().Name, other.Position);
            }
        }
        throw ErrorCodes.Semantic("Query cannot conclude without RETURN", query.Clauses.LastOrDefault()?.Position);
    }

    private Stage Filter(Stage input, Expression where)
    {
        var alias = state.NewName("s");
        var select = new SelectBuilder(state);
        select.AddSource($"{input.Name} {alias}");
        select.AddCondition(new ExpressionCompiler(state, input.ScopeAs(alias), select, aggregatesAllowed: false).CompilePredicate(where));
        var name = state.NewName("q");
        state.AddCte(name, $"SELECT {alias}.*{select.From()}{select.Where()}");
        return input with { Name = name };
    }
}
