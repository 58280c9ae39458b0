using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Groups;

/// <summary>Operations 52, 53 and 58: the caller's groups, one group, its members.</summary>
public sealed class GroupReads(RaytioDbContext db, GroupAccess access, GraphPrincipals principals)
{
    /// <summary>
    /// 52: `{profile_objects: [the caller's user node, each group], relationships: [each BELONGS_TO]}`,
    /// groups in id order. A caller the graph has no node for yet belongs to nothing: both lists are empty.
    /// </summary>
    public async Task<JsonObject> MineAsync(Guid caller, CancellationToken cancellationToken)
    {
        if (await principals.ExistingUserNodeAsync(caller, cancellationToken) is not { } callerNode)
        {
            return GraphAnswers.Graph([], []);
        }
        var memberships = await db.GraphRelationships.AsNoTracking()
            .Where(r => r.StartId == callerNode && r.Type == RelationshipTypes.BelongsTo)
            .Join(db.GraphNodes.AsNoTracking().Where(n => n.Kind == NodeKind.Group), r => r.EndId, n => n.Id, (r, n) => new { Relationship = r, Group = n })
            .OrderBy(m => m.Group.Id)
            .ToListAsync(cancellationToken);
        var self = await db.GraphNodes.AsNoTracking().SingleAsync(n => n.Id == callerNode, cancellationToken);
        return GraphAnswers.Graph([self, .. memberships.Select(m => m.Group)], memberships.Select(m => m.Relationship));
    }

    /// <summary>
    /// 53: `{profile_objects: [the group, its members' and owner's user nodes], relationships: [IS_OWNER,
    /// then each BELONGS_TO]}`; the owner's node is listed even when they left the group.
    /// </summary>
    public async Task<JsonObject> OneAsync(Guid caller, string gId, CancellationToken cancellationToken)
    {
        var group = (await access.ReadAsync(caller, gId, cancellationToken)).RequireVisible().Group;
        var relationships = await db.GraphRelationships.AsNoTracking()
            .Where(r => r.EndId == group.Id && (r.Type == RelationshipTypes.IsOwner || r.Type == RelationshipTypes.BelongsTo))
            .OrderBy(r => r.Type == RelationshipTypes.IsOwner ? 0 : 1).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var users = await UserNodesAsync(relationships, cancellationToken);
        return GraphAnswers.Graph([group, .. users], relationships);
    }

    /// <summary>58: `{profile_objects: [the members' user nodes], relationships: [each BELONGS_TO]}`, in joining order.</summary>
    public async Task<JsonObject> MembersAsync(Guid caller, string gId, CancellationToken cancellationToken)
    {
        var group = (await access.ReadAsync(caller, gId, cancellationToken)).RequireVisible().Group;
        var memberships = await db.GraphRelationships.AsNoTracking()
            .Where(r => r.EndId == group.Id && r.Type == RelationshipTypes.BelongsTo)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return GraphAnswers.Graph(await UserNodesAsync(memberships, cancellationToken), memberships);
    }

    private async Task<List<GraphNode>> UserNodesAsync(List<GraphRelationship> relationships, CancellationToken cancellationToken)
    {
        var ids = relationships.Select(r => r.StartId).Distinct().ToList();
        return await db.GraphNodes.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderBy(n => n.Id).ToListAsync(cancellationToken);
    }
}
