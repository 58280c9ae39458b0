using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// `DELETE .../users/{u_id}`: administrators remove anyone, a member removes only themselves
/// (leaves). The last administrator can neither leave nor be removed. The membership and its
/// BELONGS_TO go together, so the grants to the organisation stop reaching the person at once.
/// </summary>
public sealed class MemberRemoval(RaytioDbContext db, OrganizationAccess access, OrganizationMembers members, AuditTrail audit)
{
    public async Task<JsonObject> RemoveAsync(Guid caller, string orgId, string uId, CancellationToken cancellationToken)
    {
        OrganizationAccess.ParseId(orgId);
        var userId = GraphIds.Parse(MemberRoles.UserField, uId);
        var leaving = userId == caller;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var standing = await access.LockAsync(caller, orgId, cancellationToken);
        if (!leaving)
        {
            standing.RequireAdmin();
        }
        var organization = standing.Organization;
        var role = await db.OrganizationMembers
            .Where(m => m.OrganizationId == organization.Id && m.UserId == userId)
            .Select(m => (OrganizationRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken) ?? throw MemberRoles.MemberNotFound();
        if (role == OrganizationRole.Admin && await members.AdministratorCountAsync(organization.Id, cancellationToken) <= 1)
        {
            throw MemberRoles.LastAdministrator();
        }
        await members.RemoveAsync(organization, userId, cancellationToken);
        audit.Record(AuditEventTypes.OrganizationMemberRemove, caller, organization.Id, new JsonObject
        {
            ["u_id"] = userId.ToString(),
            ["left"] = leaving,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JsonObject
        {
            ["message"] = leaving
                ? $"You have left the organization {organization.Name}."
                : $"The user {userId} has been removed from the organization {organization.Name}.",
        };
    }
}
