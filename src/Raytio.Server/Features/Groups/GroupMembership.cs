using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Groups;

/// <summary>
/// Operations 56 and 57. ADMINS holders and the owner add and remove members; a member may remove
/// themselves (the owner too: leaving the group does not give up its ownership). Both answer
/// `{profile_objects: [the group], relationships: [its IS_OWNER, and for 56 the member's BELONGS_TO]}`.
/// </summary>
public sealed class GroupMembership(RaytioDbContext db, GroupAccess access, GraphPrincipals principals, AuditTrail audit, TimeProvider time)
{
    /// <summary>56. Adding a member again answers the existing membership; nothing is duplicated.</summary>
    public async Task<JsonObject> AddAsync(Guid caller, string gId, UserIdRequest request, CancellationToken cancellationToken)
    {
        var userId = request.Required();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var group = (await access.LockAsync(caller, gId, cancellationToken)).RequireAdmin().Group;
        var userNode = await principals.NamedUserNodeAsync(userId, cancellationToken);
        var membership = await MembershipAsync(userNode, group.Id, cancellationToken);
        if (membership is null)
        {
            membership = DirectRelationship.Create(userNode, group.Id, RelationshipTypes.BelongsTo, time.GetUtcNow().UtcDateTime);
            db.GraphRelationships.Add(membership);
            audit.Record(AuditEventTypes.GroupMemberAdd, caller, group.Key, Details(userId, membership));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return GraphAnswers.Graph([group], [.. await OwnersAsync(group.Id, cancellationToken), membership]);
    }

    /// <summary>57. 404 `member_not_found` when the user does not belong to the group.</summary>
    public async Task<JsonObject> RemoveAsync(Guid caller, string gId, Guid userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var group = await access.LockAsync(caller, gId, cancellationToken);
        if (userId != caller)
        {
            group.RequireAdmin();
        }
        else
        {
            group.RequireVisible();
        }
        var userNode = await principals.ExistingUserNodeAsync(userId, cancellationToken);
        var membership = userNode is { } node ? await MembershipAsync(node, group.Group.Id, cancellationToken) : null;
        if (membership is null)
        {
            throw ApiException.NotFound("member_not_found", "That user does not belong to the group.");
        }
        db.GraphRelationships.Remove(membership);
        audit.Record(AuditEventTypes.GroupMemberRemove, caller, group.Group.Key, Details(userId, membership));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GraphAnswers.Graph([group.Group], await OwnersAsync(group.Group.Id, cancellationToken));
    }

    private Task<GraphRelationship?> MembershipAsync(long userNode, long groupId, CancellationToken cancellationToken) =>
        db.GraphRelationships.FirstOrDefaultAsync(r => r.StartId == userNode && r.Type == RelationshipTypes.BelongsTo && r.EndId == groupId, cancellationToken);

    private Task<List<GraphRelationship>> OwnersAsync(long groupId, CancellationToken cancellationToken) =>
        db.GraphRelationships.AsNoTracking().Where(r => r.EndId == groupId && r.Type == RelationshipTypes.IsOwner).OrderBy(r => r.Id).ToListAsync(cancellationToken);

    private static JsonObject Details(Guid userId, GraphRelationship membership) => new()
    {
        ["u_id"] = userId.ToString(),
        ["p_id"] = membership.PId.ToString(),
    };
}
