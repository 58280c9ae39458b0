using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Ownership;

/// <summary>
/// Operations 59-61: who holds IS_OWNER on a profile object. An object has at most one owner: each
/// change locks the object's row first (<see cref="GraphNodeLocks"/>) and decides on what it reads
/// after that, so two requests taking the same unowned object cannot both succeed.
/// </summary>
public sealed class ObjectOwnership(RaytioDbContext db, PermissionService permissions, GraphPrincipals principals, AuditTrail audit, TimeProvider time)
{
    public const string RouteField = "n_id";

    /// <summary>59: an unowned object becomes the caller's; they need ADMINS on it (directly or through a group).</summary>
    public async Task<JsonObject> TakeAsync(Guid caller, string nId, CancellationToken cancellationToken)
    {
        var key = GraphIds.Parse(RouteField, nId);
        var callerNode = await principals.UserNodeAsync(caller, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var node = await LockedAsync(caller, key, Permission.Admin, cancellationToken);
        if (await db.GraphRelationships.AnyAsync(r => r.EndId == node.Id && r.Type == RelationshipTypes.IsOwner, cancellationToken))
        {
            throw ApiException.Conflict("already_owned", "The profile object already has an owner.");
        }
        var owner = DirectRelationship.Create(callerNode, node.Id, RelationshipTypes.IsOwner, time.GetUtcNow().UtcDateTime);
        db.GraphRelationships.Add(owner);
        audit.Record(AuditEventTypes.OwnerTake, caller, node.Key, new JsonObject { ["p_id"] = owner.PId.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GraphAnswers.Graph([node], [owner]);
    }

    /// <summary>60: the named user becomes the owner and the caller stops being it; naming themselves changes nothing.</summary>
    public async Task<JsonObject> TransferAsync(Guid caller, string nId, UserIdRequest request, CancellationToken cancellationToken)
    {
        var key = GraphIds.Parse(RouteField, nId);
        var newOwner = request.Required();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var node = await LockedAsync(caller, key, Permission.Own, cancellationToken);
        var mine = await CallersOwnershipAsync(caller, node, cancellationToken);
        var newOwnerNode = await principals.NamedUserNodeAsync(newOwner, cancellationToken);
        if (newOwnerNode == mine.StartId)
        {
            await transaction.CommitAsync(cancellationToken);
            return GraphAnswers.Graph([node], [mine]);
        }
        db.GraphRelationships.Remove(mine);
        var owner = DirectRelationship.Create(newOwnerNode, node.Id, RelationshipTypes.IsOwner, time.GetUtcNow().UtcDateTime);
        db.GraphRelationships.Add(owner);
        audit.Record(AuditEventTypes.OwnerTransfer, caller, node.Key, new JsonObject
        {
            ["from_u_id"] = caller.ToString(),
            ["to_u_id"] = newOwner.ToString(),
            ["p_id"] = owner.PId.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GraphAnswers.Graph([node], [owner]);
    }

    /// <summary>61: the caller stops owning the object, only while another user or group holds ADMINS on it (409 `would_orphan`).</summary>
    public async Task ReleaseAsync(Guid caller, string nId, CancellationToken cancellationToken)
    {
        var key = GraphIds.Parse(RouteField, nId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var node = await LockedAsync(caller, key, Permission.Own, cancellationToken);
        var mine = await CallersOwnershipAsync(caller, node, cancellationToken);
        var othersAdminister = await db.GraphRelationships.AnyAsync(r =>
            r.EndId == node.Id && r.StartId != mine.StartId && (r.Type == RelationshipTypes.Admins || r.Type == RelationshipTypes.IsOwner), cancellationToken);
        if (!othersAdminister)
        {
            throw ApiException.Conflict("would_orphan",
                "Nobody else holds ADMINS on the profile object, so giving up its ownership would leave it unreachable; grant ADMINS to someone first, or delete it.");
        }
        db.GraphRelationships.Remove(mine);
        audit.Record(AuditEventTypes.OwnerRelease, caller, node.Key, new JsonObject { ["p_id"] = mine.PId.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The object, checked (404 / 403) and locked for the rest of the transaction.</summary>
    private async Task<GraphNode> LockedAsync(Guid caller, Guid key, Permission needed, CancellationToken cancellationToken)
    {
        var node = await permissions.RequireAsync(caller, key, NodeKind.ProfileObject, needed, cancellationToken);
        if (!await db.LockNodeAsync(node.Id, time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            throw PermissionService.NotFound(NodeKind.ProfileObject);
        }
        return node;
    }

    /// <summary>
    /// The caller's own IS_OWNER relationship, read after the lock: ownership held only through a
    /// group, or lost to a concurrent transfer, cannot be handed on or given up by this caller.
    /// </summary>
    private async Task<GraphRelationship> CallersOwnershipAsync(Guid caller, GraphNode node, CancellationToken cancellationToken)
    {
        var callerNode = await principals.ExistingUserNodeAsync(caller, cancellationToken);
        return await db.GraphRelationships.FirstOrDefaultAsync(r => r.StartId == callerNode && r.EndId == node.Id && r.Type == RelationshipTypes.IsOwner, cancellationToken)
            ?? throw ApiException.Forbidden("forbidden", "Only the user who holds IS_OWNER on the profile object may do this.");
    }
}
