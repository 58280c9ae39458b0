using System.Globalization;
using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Compiler;

/// <summary>
/// `-[:T*min..max]->`: a recursive CTE of walks over visible relationships from every visible
/// node that may start it (one with the labels of the pattern's first node), up to the maximum depth (the query's, or the setting when open-ended), never taking a
/// relationship twice in one walk; the match keeps the walks between its two nodes of at least
/// the minimum length.
/// </summary>
internal sealed class VariableLengthCompiler(CompilerState state, SelectBuilder select, PatternCompiler pattern)
{
    private ISqlDialect Sql => state.Dialect;

    public void Add(RelationshipPattern relationship, IReadOnlyList<string> startLabels, string left, string right)
    {
        var length = relationship.Length!;
        var cap = state.Context.MaxVariableLength;
        var min = length.Min ?? 1;
        var max = length.Max ?? cap;
        if (max > cap)
        {
            throw ErrorCodes.NotSupported(
                $"variable length above {cap.ToString(CultureInfo.InvariantCulture)} (*..{max.ToString(CultureInfo.InvariantCulture)})",
                relationship.Position);
        }
        if (pattern.IsBound(relationship.Variable, out _))
        {
            throw ErrorCodes.NotSupported($"a variable-length relationship reusing `{relationship.Variable}`", relationship.Position);
        }

        var walks = Walks(relationship, startLabels, max);
        var alias = state.NewName("w");
        select.AddSource($"{walks} {alias}");
        select.AddCondition($"{alias}.start_id = {left} AND {alias}.end_id = {right} AND {alias}.depth >= {state.Parameters.Add((long)min)}");
        pattern.Bind(relationship.Variable, new SqlExpr($"{alias}.path", SqlKind.RelationshipPath));
        pattern.AddPath($"{alias}.path");
    }

    private string Walks(RelationshipPattern relationship, IReadOnlyList<string> startLabels, int max)
    {
        var starts = startLabels.Count == 0 ? "" : " WHERE " + string.Join(" AND ", startLabels.Select(label => pattern.HasLabel("s.id", label)));
        var name = state.NewName("walks");
        var step = new SelectBuilder(state);
        step.AddSource($"{name} p");
        step.AddSource($"{CompilerState.VisibleRelationships} r");
        step.KnownRelationshipRow("r.id", "r");
        var (join, next) = relationship.Direction switch
        {
            Direction.Outgoing => ("r.start_id = p.end_id", "r.end_id"),
            Direction.Incoming => ("r.end_id = p.end_id", "r.start_id"),
            _ => ("(r.start_id = p.end_id OR r.end_id = p.end_id)", "CASE WHEN r.start_id = p.end_id THEN r.end_id ELSE r.start_id END"),
        };
        step.AddCondition(join);
        step.AddCondition($"p.depth < {state.Parameters.Add((long)max)}");
        step.AddCondition($"NOT {Sql.IdPathContains("p.path", "r.id")}");
        if (relationship.Types.Count > 0)
        {
            step.AddCondition(pattern.TypeCondition("r.type", relationship.Types));
        }
        var values = new ExpressionCompiler(state, Scope.Empty, step, aggregatesAllowed: false);
        foreach (var property in relationship.Properties)
        {
            step.AddCondition(values.PropertyEquals(new SqlExpr("r.id", SqlKind.Relationship), property.Key, property.Value, relationship.Position));
        }
        state.AddCte(name,
            $"SELECT s.id AS start_id, s.id AS end_id, 0 AS depth, {Sql.EmptyIdPath} AS path FROM {CompilerState.VisibleNodes} s{starts}\n"
            + $"UNION ALL\nSELECT p.start_id, {next}, p.depth + 1, {Sql.AppendToIdPath("p.path", "r.id")}{step.From()}{step.Where()}");
        return name;
    }
}
