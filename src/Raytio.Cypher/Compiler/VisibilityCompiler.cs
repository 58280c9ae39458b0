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
        var ways = new List<string>();
        if (principals.Length > 0)
        {
            ways.Add($"(n.kind = 0 AND EXISTS (SELECT 1 FROM graph_relationships g WHERE g.end_id = n.id AND g.type IN ({Permissions}) AND g.start_id IN ({principals})))");
        }
        if (visibility.UserNodeId is { } user)
        {
            var self = state.Parameters.Add(user);
            ways.Add($"(n.kind = 2 AND EXISTS (SELECT 1 FROM graph_relationships b WHERE b.start_id = {self} AND b.end_id = n.id AND b.type = 'BELONGS_TO'))");
            ways.Add($"(n.kind = 1 AND n.id = {self})");
        }
        var condition = ways.Count == 0 ? "1 = 0" : string.Join("\n   OR ", ways);
        state.AddCte(CompilerState.VisibleNodes,
            $"SELECT n.id, n.key, n.kind, n.labels, n.properties FROM graph_nodes n\nWHERE {condition}");
        state.AddCte(CompilerState.VisibleRelationships,
            "SELECT r.id, r.p_id, r.start_id, r.end_id, r.type, r.properties FROM graph_relationships r\n"
            + $"WHERE EXISTS (SELECT 1 FROM {CompilerState.VisibleNodes} a WHERE a.id = r.start_id)"
            + $" AND EXISTS (SELECT 1 FROM {CompilerState.VisibleNodes} b WHERE b.id = r.end_id)");
    }
}
