using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Groups;

/// <summary>Operations 54 and 55, which only the group's owner may do.</summary>
public sealed class GroupOwnership(RaytioDbContext db, GroupAccess access, GraphPrincipals principals, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// 54: the new owner gets IS_OWNER (and BELONGS_TO, unless already a member); the old owner
    /// loses IS_OWNER and stays a member. Answers `{profile_objects: [the group], relationships:
    /// [the new IS_OWNER]}`; naming the current owner changes nothing.
    /// </summary>
    public async Task<JsonObject> TransferAsync(Guid caller, string gId, UserIdRequest request, CancellationToken cancellationToken)
    {
        var newOwner = request.Required();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var group = (await access.LockAsync(caller, gId, cancellationToken)).RequireOwner().Group;
        var newOwnerNode = await principals.NamedUserNodeAsync(newOwner, cancellationToken);
        var owners = await db.GraphRelationships.Where(r => r.EndId == group.Id && r.Type == RelationshipTypes.IsOwner).ToListAsync(cancellationToken);
        var kept = owners.FirstOrDefault(r => r.StartId == newOwnerNode);
        if (kept is null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            db.GraphRelationships.RemoveRange(owners);
            kept = DirectRelationship.Create(newOwnerNode, group.Id, RelationshipTypes.IsOwner, now);
            db.GraphRelationships.Add(kept);
            if (!await db.GraphRelationships.AnyAsync(r => r.StartId == newOwnerNode && r.Type == RelationshipTypes.BelongsTo && r.EndId == group.Id, cancellationToken))
            {
                db.GraphRelationships.Add(DirectRelationship.Create(newOwnerNode, group.Id, RelationshipTypes.BelongsTo, now));
            }
            audit.Record(AuditEventTypes.GroupOwnerChange, caller, group.Key, new JsonObject
            {
                ["from_u_id"] = caller.ToString(),
                ["to_u_id"] = newOwner.ToString(),
                ["p_id"] = kept.PId.ToString(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return GraphAnswers.Graph([group], [kept]);
    }

    /// <summary>
    /// 55: deletes the group node; the foreign keys of graph_relationships and graph_labels cascade,
    /// so its memberships and every permission to or from it (cascaded grants included: their start
    /// is the group) go with it in the same statement.
    /// </summary>
    public async Task DeleteAsync(Guid caller, string gId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var group = (await access.LockAsync(caller, gId, cancellationToken)).RequireOwner().Group;
        var related = db.GraphRelationships.Where(r => r.StartId == group.Id || r.EndId == group.Id);
        var memberships = await related.CountAsync(r => r.Type == RelationshipTypes.BelongsTo, cancellationToken);
        var grants = await related.CountAsync(r => r.Type != RelationshipTypes.BelongsTo, cancellationToken);
        await db.GraphNodes.Where(n => n.Id == group.Id).ExecuteDeleteAsync(cancellationToken);
        audit.Record(AuditEventTypes.GroupDelete, caller, group.Key, new JsonObject { ["memberships"] = memberships, ["permissions"] = grants });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
