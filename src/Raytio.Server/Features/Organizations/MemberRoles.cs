using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Organizations;

/// <summary>The body of a role change: `{"role": "admin"|"member"}`.</summary>
public sealed record RoleRequest(string? Role = null)
{
    public OrganizationRole Required() => RoleNames.Parse(Role)
        ?? throw ApiException.Invalid("role", $"'role' must be '{RoleNames.Admin}' or '{RoleNames.Member}'.");
}

/// <summary>
/// `PUT .../users/{u_id}/role`: administrators change a member's role. Under the organisation's
/// lock, so an organisation always keeps an administrator even when two demote each other at once.
/// </summary>
public sealed class MemberRoles(RaytioDbContext db, OrganizationAccess access, OrganizationMembers members, MemberList list, AuditTrail audit, TimeProvider time)
{
    public const string UserField = "u_id";

    public async Task<JsonObject> ChangeAsync(Guid caller, string orgId, string uId, RoleRequest request, CancellationToken cancellationToken)
    {
        OrganizationAccess.ParseId(orgId);
        var userId = GraphIds.Parse(UserField, uId);
        var role = request.Required();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organization = (await access.LockAsync(caller, orgId, cancellationToken)).RequireAdmin().Organization;
        var member = await db.OrganizationMembers.FirstOrDefaultAsync(m => m.OrganizationId == organization.Id && m.UserId == userId, cancellationToken)
            ?? throw MemberNotFound();
        if (member.Role != role)
        {
            if (member.Role == OrganizationRole.Admin && await members.AdministratorCountAsync(organization.Id, cancellationToken) <= 1)
            {
                throw LastAdministrator();
            }
            member.Role = role;
            member.UpdatedAt = time.GetUtcNow().UtcDateTime;
            audit.Record(AuditEventTypes.OrganizationRoleChange, caller, organization.Id, new JsonObject
            {
                ["u_id"] = userId.ToString(),
                ["role"] = RoleNames.Of(role),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return await list.OneAsync(organization.Id, userId, cancellationToken) ?? throw MemberNotFound();
    }

    public static ApiException MemberNotFound() =>
        ApiException.NotFound("member_not_found", "That user is not a member of the organisation.");

    public static ApiException LastAdministrator() =>
        ApiException.Conflict("last_administrator", "An organisation keeps at least one administrator: make another member an administrator first.");
}
