namespace Raytio.Cypher.Compiler;

/// <summary>
/// The caller's graph as the first two CTEs (docs/CYPHER.md "What a caller's graph holds"):
/// every other part of the query reads nodes and relationships only from them.
/// </summary>
internal static class VisibilityCompiler
{
    private const string Permissions = "'IS_OWNER', 'ADMINS', 'EDITS', 'VIEWS'";

    public static void AddCtes(CompilerState state)
    {
        var visibility = state.Context.Visibility;
        var principals = string.Join(", ", visibility.PrincipalIds.Select(id => state.Parameters.Add(id)));
        // One part per kind, each driven by an index on graph_relationships, so the cost follows
        // what the caller may see rather than the size of the graph.
        var parts = new List<string>();
        if (principals.Length > 0)
        {
            parts.Add($"n.kind = 0 AND n.id IN (SELECT g.end_id FROM graph_relationships g WHERE g.start_id IN ({principals}) AND g.type IN ({Permissions}))");
        }
        if (visibility.UserNodeId is { } user)
        {
            var self = state.Parameters.Add(user);
            parts.Add($"n.kind = 2 AND n.id IN (SELECT b.end_id FROM graph_relationships b WHERE b.start_id = {self} AND b.type = 'BELONGS_TO')");
            parts.Add($"n.kind = 1 AND n.id = {self}");
        }
        // Materialized, so it is made once: inlined, SQLite (3.35 and later) flattens it into every
        // join and reads `n.id IN (...)` as a list of index probes per row of the join.
        state.AddCte(CompilerState.VisibleNodes, parts.Count == 0 ? $"{Columns} WHERE 1 = 0" : state.Dialect.AnyOf(Columns, parts), materialized: true);
        state.AddInlinedCte(CompilerState.VisibleRelationships,
            $"SELECT r.id, r.p_id, r.start_id, r.end_id, r.type, r.properties FROM {CompilerState.VisibleNodes} a JOIN graph_relationships r ON r.start_id = a.id\n"
            + $"WHERE r.end_id IN (SELECT b.id FROM {CompilerState.VisibleNodes} b)");
    }

    // Ids only: the query reads a node's row from graph_nodes where an expression needs it, so the
    // materialized set stays small.
    private const string Columns = "SELECT n.id FROM graph_nodes n";
}
