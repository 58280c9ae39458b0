using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Graph;

/// <summary>
/// The one place that decides what a caller may do with a node; every read and write of the graph
/// asks it. A caller's principals are their user node, the groups it BELONGS_TO and PUBLIC
/// (everyone, also anonymous callers); their permission on a node is the strongest permission
/// relationship from any of those principals to it. Each check is a few index lookups
/// (graph_relationships by end node, then by start node for memberships), whatever the graph's size.
/// </summary>
public sealed class PermissionService(RaytioDbContext db)
{
    /// <summary>Node ids of the caller's principals (their own node, their groups, PUBLIC).</summary>
    public IQueryable<long> PrincipalsOf(Guid? user)
    {
        var everyone = db.GraphNodes.Where(n => n.Key == PublicGroup.Key).Select(n => n.Id);
        if (user is null)
        {
            return everyone;
        }
        var self = db.GraphNodes.Where(n => n.Key == user.Value && n.Kind == NodeKind.User).Select(n => n.Id);
        var groups = db.GraphRelationships.Where(r => r.Type == RelationshipTypes.BelongsTo && self.Contains(r.StartId)).Select(r => r.EndId);
        return everyone.Concat(self).Concat(groups);
    }

    /// <summary>The caller's permission on a node (<see cref="Permission.None"/> when they hold nothing).</summary>
    public async Task<Permission> EffectiveAsync(Guid? user, long nodeId, CancellationToken cancellationToken)
    {
        var principals = PrincipalsOf(user);
        var level = await db.GraphRelationships
            .Where(r => r.EndId == nodeId && principals.Contains(r.StartId))
            .MaxAsync(LevelOf, cancellationToken);
        return (Permission)(level ?? 0);
    }

    /// <summary>
    /// The node of this kind with this key when the caller holds at least <paramref name="needed"/>
    /// on it. A node the caller cannot see answers 404 as if it did not exist; one they can see but
    /// not change answers 403.
    /// </summary>
    public async Task<GraphNode> RequireAsync(Guid? user, Guid key, NodeKind kind, Permission needed, CancellationToken cancellationToken, bool tracked = false)
    {
        var nodes = tracked ? db.GraphNodes : db.GraphNodes.AsNoTracking();
        var principals = PrincipalsOf(user);
        var relationships = db.GraphRelationships;
        // One round trip: the node and the caller's strongest permission on it (this is the hot path of every read).
        var found = await nodes
            .Where(n => n.Key == key && n.Kind == kind)
            .Select(n => new { Node = n, Level = relationships.Where(r => r.EndId == n.Id && principals.Contains(r.StartId)).Max(LevelOf) })
            .FirstOrDefaultAsync(cancellationToken);
        return Checked(found?.Node, found?.Level, kind, needed);
    }

    /// <summary>
    /// <see cref="RequireAsync"/> for several keys in one round trip, answered in the keys' order;
    /// the first key that fails (in that order) answers the error it alone would.
    /// </summary>
    public async Task<List<GraphNode>> RequireAllAsync(Guid? user, IReadOnlyList<Guid> keys, NodeKind kind, Permission needed, CancellationToken cancellationToken)
    {
        var principals = PrincipalsOf(user);
        var relationships = db.GraphRelationships;
        var found = await db.GraphNodes.AsNoTracking()
            .Where(n => keys.Contains(n.Key) && n.Kind == kind)
            .Select(n => new { Node = n, Level = relationships.Where(r => r.EndId == n.Id && principals.Contains(r.StartId)).Max(LevelOf) })
            .ToDictionaryAsync(f => f.Node.Key, cancellationToken);
        return [.. keys.Select(key => found.TryGetValue(key, out var f) ? Checked(f.Node, f.Level, kind, needed) : throw NotFound(kind))];
    }

    private static GraphNode Checked(GraphNode? node, int? level, NodeKind kind, Permission needed)
    {
        var held = (Permission)(level ?? 0);
        if (node is null || held == Permission.None)
        {
            throw NotFound(kind);
        }
        if (held < needed)
        {
            throw ApiException.Forbidden("forbidden", $"This needs {Describe(needed)} on the {Noun(kind)}; the caller holds {Describe(held)}.");
        }
        return node;
    }

    /// <summary>Ids of the nodes on which the caller holds at least <paramref name="needed"/>.</summary>
    public IQueryable<long> NodesWith(Guid? user, Permission needed) =>
        NodesWithTypes(user, PermissionLevels.TypesGiving(needed));

    /// <summary>Ids of the nodes on which the caller holds one of these permission relationship types (directly, through a group or PUBLIC).</summary>
    public IQueryable<long> NodesWithTypes(Guid? user, IReadOnlyCollection<string> types)
    {
        var principals = PrincipalsOf(user);
        return db.GraphRelationships
            .Where(r => principals.Contains(r.StartId) && types.Contains(r.Type))
            .Select(r => r.EndId);
    }

    /// <summary>The <see cref="Permission"/> a relationship gives, as SQL (0 for memberships and object relationships).</summary>
    private static readonly Expression<Func<GraphRelationship, int?>> LevelOf = r =>
        r.Type == RelationshipTypes.IsOwner ? (int)Permission.Own
        : r.Type == RelationshipTypes.Admins ? (int)Permission.Admin
        : r.Type == RelationshipTypes.Edits ? (int)Permission.Edit
        : r.Type == RelationshipTypes.Views ? (int)Permission.View
        : (int)Permission.None;

    public static ApiException NotFound(NodeKind kind) => kind switch
    {
        NodeKind.Group => ApiException.NotFound("group_not_found", "No such group."),
        NodeKind.User => ApiException.NotFound("user_not_found", "No such user."),
        _ => ApiException.NotFound("profile_object_not_found", "No such profile object."),
    };

    private static string Noun(NodeKind kind) => kind == NodeKind.Group ? "group" : "profile object";

    private static string Describe(Permission permission) => permission switch
    {
        Permission.Own => "IS_OWNER",
        Permission.Admin => "IS_OWNER or ADMINS",
        Permission.Edit => "IS_OWNER, ADMINS or EDITS",
        Permission.View => "a permission",
        _ => "no permission",
    };
}
