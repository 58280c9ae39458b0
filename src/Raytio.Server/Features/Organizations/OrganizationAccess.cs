using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// What the caller is to an organisation. Members (any role) see it; everyone else gets the same
/// 404 as for an organisation that does not exist, so ids cannot be probed. Administrators may
/// change it: a member asking for a change gets 403.
/// </summary>
public sealed class OrganizationAccess(RaytioDbContext db, TimeProvider time)
{
    public const string RouteField = "orgID";

    /// <summary>The organisation and the caller's role, for a read.</summary>
    public async Task<OrganizationCaller> ReadAsync(Guid caller, string orgId, CancellationToken cancellationToken)
    {
        var id = ParseId(orgId);
        return await DescribeAsync(caller, id, cancellationToken);
    }

    /// <summary>
    /// The organisation and the caller's role, for a change: call first inside the change's
    /// transaction. The organisation's row stays locked until the transaction ends, so changes
    /// of its members take turns (two administrators cannot both demote the other and leave none).
    /// </summary>
    public async Task<OrganizationCaller> LockAsync(Guid caller, string orgId, CancellationToken cancellationToken)
    {
        var id = ParseId(orgId);
        return await LockRowAsync(id, cancellationToken) ? await DescribeAsync(caller, id, cancellationToken) : throw NotFound();
    }

    /// <summary>
    /// The organisation with its row locked as <see cref="LockAsync"/> does, for a change that
    /// checks an invitation's code instead of the caller's membership; null when it does not exist.
    /// </summary>
    public async Task<Organization?> LockForInvitationAsync(Guid id, CancellationToken cancellationToken) =>
        await LockRowAsync(id, cancellationToken) ? await db.Organizations.SingleAsync(o => o.Id == id, cancellationToken) : null;

    public static Guid ParseId(string? orgId) => GraphIds.Parse(RouteField, orgId);

    /// <summary>The ids of the organisations the caller is a member of (any role), in the order they joined.</summary>
    public Task<List<Guid>> MembershipsAsync(Guid caller, CancellationToken cancellationToken) =>
        db.OrganizationMembers.AsNoTracking()
            .Where(m => m.UserId == caller)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.OrganizationId)
            .Select(m => m.OrganizationId)
            .ToListAsync(cancellationToken);

    private async Task<bool> LockRowAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.Organizations.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.UpdatedAt, now), cancellationToken) == 1;
    }

    public static ApiException NotFound() =>
        ApiException.NotFound("organization_not_found", "No such organisation, or you are not a member of it.");

    private async Task<OrganizationCaller> DescribeAsync(Guid caller, Guid id, CancellationToken cancellationToken)
    {
        var memberships = db.OrganizationMembers;
        var found = await db.Organizations
            .Where(o => o.Id == id)
            .Select(o => new
            {
                Organization = o,
                Role = memberships.Where(m => m.OrganizationId == o.Id && m.UserId == caller).Select(m => (OrganizationRole?)m.Role).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return found is { Role: { } role } ? new OrganizationCaller(found.Organization, role) : throw NotFound();
    }
}

/// <summary>An organisation the caller belongs to, and their role in it.</summary>
public sealed record OrganizationCaller(Organization Organization, OrganizationRole Role)
{
    public bool IsAdmin => Role == OrganizationRole.Admin;

    public OrganizationCaller RequireAdmin() => IsAdmin
        ? this
        : throw ApiException.Forbidden("forbidden", "Only the organisation's administrators may do this.");
}
