using Raytio.Server.Tests.Cypher.Differential;

namespace Raytio.Server.Tests.Cypher.Leak;

/// <summary>The callers the leak suite asks as.</summary>
public enum Viewer
{
    /// <summary>Signed in, owning objects, granted some directly and some through two groups.</summary>
    Member,

    /// <summary>Signed in, with a user node but no object, grant or group.</summary>
    Nobody,
    Anonymous,
}

/// <summary>
/// The part of a generated graph a caller may see, worked out from the facts alone (not from the
/// server's tables or code), as docs/CYPHER.md "What a caller's graph holds" says: objects on
/// which any of the caller's principals holds a permission (IS_OWNER, ADMINS, EDITS, VIEWS), and
/// the relationships whose two ends are visible.
/// </summary>
public static class VisibleGraph
{
    public static IReadOnlySet<Principal> PrincipalsOf(Viewer viewer) => viewer == Viewer.Member
        ? new HashSet<Principal> { Principal.Caller, Principal.CallerGroup, Principal.SecondCallerGroup, Principal.Public }
        : new HashSet<Principal> { Principal.Public };

    public static GeneratedGraph Of(GeneratedGraph graph, PermissionFacts facts, Viewer viewer)
    {
        var principals = PrincipalsOf(viewer);
        var visible = graph.Nodes
            .Where(n => facts.Objects[n.Key] is var o && (principals.Contains(o.Owner) || o.Grants.Any(g => principals.Contains(g.To))))
            .ToList();
        var keys = visible.Select(n => n.Key).ToHashSet();
        return new GeneratedGraph(visible, [.. graph.Relationships.Where(r => keys.Contains(r.From.Key) && keys.Contains(r.To.Key))]);
    }
}
