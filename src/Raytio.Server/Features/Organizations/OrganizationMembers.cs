using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// The one writer of memberships: each membership row goes with a BELONGS_TO relationship from
/// the member's user node to the organisation's members group, added and removed together in
/// the caller's transaction, so what the organisation may see through grants to its group is
/// always exactly what its members may see.
/// </summary>
public sealed class OrganizationMembers(RaytioDbContext db, GraphPrincipals principals, TimeProvider time)
{
    /// <summary>Adds the membership to the context (saved by the caller); false when the user already is a member.</summary>
    public async Task<bool> AddAsync(Organization organization, Guid userId, OrganizationRole role, CancellationToken cancellationToken)
    {
        if (await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organization.Id && m.UserId == userId, cancellationToken))
        {
            return false;
        }
        var userNode = await principals.UserNodeAsync(userId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = userId, Role = role, JoinedAt = now, UpdatedAt = now });
        db.GraphRelationships.Add(DirectRelationship.Create(userNode, organization.GroupNodeId, RelationshipTypes.BelongsTo, now));
        return true;
    }

    /// <summary>Removes the membership and its BELONGS_TO at once; false when the user was not a member.</summary>
    public async Task<bool> RemoveAsync(Organization organization, Guid userId, CancellationToken cancellationToken)
    {
        var removed = await db.OrganizationMembers
            .Where(m => m.OrganizationId == organization.Id && m.UserId == userId)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return false;
        }
        var userNode = await principals.ExistingUserNodeAsync(userId, cancellationToken);
        var groupNode = organization.GroupNodeId;
        await db.GraphRelationships
            .Where(r => r.StartId == userNode && r.EndId == groupNode && r.Type == RelationshipTypes.BelongsTo)
            .ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    public Task<int> AdministratorCountAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.OrganizationMembers.CountAsync(m => m.OrganizationId == organizationId && m.Role == OrganizationRole.Admin, cancellationToken);
}
