using Raytio.Cypher.Syntax;

namespace Raytio.Cypher.Compiler;

/// <summary>The pattern parts of one MATCH as sources and conditions of one SELECT.</summary>
internal sealed class PatternCompiler(CompilerState state, Scope inputScope, SelectBuilder select)
{
    private readonly List<string> _relationships = [];
    private readonly List<string> _paths = [];

    public Scope Scope { get; private set; } = inputScope;

    public List<(string Name, SqlExpr Expr)> NewVariables { get; } = [];

    private ISqlDialect Sql => state.Dialect;

    public void Add(PatternPart part)
    {
        var leftPattern = part.Start;
        var left = Node(part.Start);
        foreach (var step in part.Steps)
        {
            var right = Node(step.Node);
            if (step.Relationship.Length is null)
            {
                Relationship(step.Relationship, left, right);
            }
            else
            {
                new VariableLengthCompiler(state, select, this).Add(step.Relationship, leftPattern.Labels, left, right);
            }
            (leftPattern, left) = (step.Node, right);
        }
    }

    /// <summary>No relationship twice in one match of the clause.</summary>
    public void AddUniqueness()
    {
        for (var i = 0; i < _relationships.Count; i++)
        {
            for (var j = i + 1; j < _relationships.Count; j++)
            {
                select.AddCondition($"{_relationships[i]} <> {_relationships[j]}");
            }
            foreach (var path in _paths)
            {
                select.AddCondition($"NOT {Sql.IdPathContains(path, _relationships[i])}");
            }
        }
        for (var i = 0; i < _paths.Count; i++)
        {
            for (var j = i + 1; j < _paths.Count; j++)
            {
                select.AddCondition($"NOT {Sql.IdPathsOverlap(_paths[i], _paths[j])}");
            }
        }
    }

    public void AddPath(string path) => _paths.Add(path);

    public void Bind(string? variable, SqlExpr expr)
    {
        if (variable is not null)
        {
            Scope = Scope.With(variable, expr);
            NewVariables.Add((variable, expr));
        }
    }

    public bool IsBound(string? variable, out SqlExpr expr)
    {
        expr = null!;
        return variable is not null && Scope.TryGet(variable, out expr);
    }

    private string Node(NodePattern node)
    {
        string id;
        if (IsBound(node.Variable, out var bound))
        {
            if (bound.Kind != SqlKind.Node)
            {
                throw ErrorCodes.Semantic($"Type mismatch: `{node.Variable}` is not a node", node.Position);
            }
            id = bound.Sql;
            select.AddCondition($"{id} IS NOT NULL");
        }
        else
        {
            var alias = state.NewName("n");
            select.AddSource($"{CompilerState.VisibleNodes} {alias}");
            id = $"{alias}.id";
            Bind(node.Variable, new SqlExpr(id, SqlKind.Node));
        }
        foreach (var label in node.Labels)
        {
            select.AddCondition(HasLabel(id, label));
        }
        AddProperties(new SqlExpr(id, SqlKind.Node), node.Properties, node.Position);
        return id;
    }

    public string HasLabel(string id, string label)
    {
        var labels = state.NewName("l");
        return $"EXISTS (SELECT 1 FROM graph_labels {labels} WHERE {labels}.node_id = {id} AND {labels}.label = {state.Parameters.Add(label)})";
    }

    private void Relationship(RelationshipPattern relationship, string left, string right)
    {
        var alias = state.NewName("r");
        // Both ends are visible nodes (joined from vis_nodes here, or bound to one earlier), so the
        // relationship is visible: reading graph_relationships directly lets its (start_id, type,
        // end_id) index drive the join instead of a vis_rels built whole for the query.
        select.AddSource($"graph_relationships {alias}");
        var id = $"{alias}.id";
        select.KnownRelationshipRow(id, alias);
        if (IsBound(relationship.Variable, out var bound))
        {
            if (bound.Kind != SqlKind.Relationship)
            {
                throw ErrorCodes.Semantic($"Type mismatch: `{relationship.Variable}` is not a relationship", relationship.Position);
            }
            select.AddCondition($"{id} = {bound.Sql}");
        }
        else
        {
            Bind(relationship.Variable, new SqlExpr(id, SqlKind.Relationship));
        }
        if (relationship.Direction == Syntax.Direction.Either)
        {
            Undirected($"{alias}.start_id", $"{alias}.end_id", left, right);
        }
        else
        {
            select.AddCondition(Directed(relationship.Direction, $"{alias}.start_id", $"{alias}.end_id", left, right));
        }
        if (relationship.Types.Count > 0)
        {
            select.AddCondition(TypeCondition($"{alias}.type", relationship.Types));
        }
        AddProperties(new SqlExpr(id, SqlKind.Relationship), relationship.Properties, relationship.Position);
        _relationships.Add(id);
    }

    public string TypeCondition(string column, IReadOnlyList<string> types) =>
        $"{column} IN ({string.Join(", ", types.Select(t => state.Parameters.Add(t)))})";

    private static string Directed(Direction direction, string start, string end, string left, string right) =>
        direction == Syntax.Direction.Outgoing ? $"{start} = {left} AND {end} = {right}" : $"{start} = {right} AND {end} = {left}";

    /// <summary>
    /// Either orientation, as a join with a two-row orientation source rather than an OR of the
    /// two: every condition is then an equality one side of which is known once the other is,
    /// so the planner can walk from whichever end or relationship it binds first (an OR of two
    /// conjunctions left SQLite scanning whole node sets). Stated in both directions for that
    /// reason. A self-loop matches once, in the first orientation.
    /// </summary>
    private void Undirected(string start, string end, string left, string right)
    {
        var orientation = state.NewName("o");
        select.AddSource($"(SELECT 0 AS flipped UNION ALL SELECT 1 AS flipped) {orientation}");
        var flipped = $"{orientation}.flipped";
        select.AddCondition($"{start} = CASE {flipped} WHEN 0 THEN {left} ELSE {right} END");
        select.AddCondition($"{end} = CASE {flipped} WHEN 0 THEN {right} ELSE {left} END");
        select.AddCondition($"{left} = CASE {flipped} WHEN 0 THEN {start} ELSE {end} END");
        select.AddCondition($"{right} = CASE {flipped} WHEN 0 THEN {end} ELSE {start} END");
        select.AddCondition($"({flipped} = 0 OR {start} <> {end})");
    }

    private void AddProperties(SqlExpr target, IReadOnlyList<PropertyEntry> properties, Position position)
    {
        var expressions = new ExpressionCompiler(state, Scope, select, aggregatesAllowed: false);
        foreach (var property in properties)
        {
            select.AddCondition(expressions.PropertyEquals(target, property.Key, property.Value, position));
        }
    }
}
