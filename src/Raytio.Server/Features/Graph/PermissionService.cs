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
        var types = await db.GraphRelationships
            .Where(r => r.EndId == nodeId && principals.Contains(r.StartId) && RelationshipTypes.Permissions.Contains(r.Type))
            .Select(r => r.Type)
            .Distinct()
            .ToListAsync(cancellationToken);
        return types.Count == 0 ? Permission.None : types.Max(PermissionLevels.Of);
    }

    /// <summary>
    /// The node of this kind with this key when the caller holds at least <paramref name="needed"/>
    /// on it. A node the caller cannot see answers 404 as if it did not exist; one they can see but
    /// not change answers 403.
    /// </summary>
    public async Task<GraphNode> RequireAsync(Guid? user, Guid key, NodeKind kind, Permission needed, CancellationToken cancellationToken, bool tracked = false)
    {
        var nodes = tracked ? db.GraphNodes : db.GraphNodes.AsNoTracking();
        var node = await nodes.FirstOrDefaultAsync(n => n.Key == key && n.Kind == kind, cancellationToken);
        var held = node is null ? Permission.None : await EffectiveAsync(user, node.Id, cancellationToken);
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
