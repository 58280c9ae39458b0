using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// Operation 26: the organisation's members, in order of joining, for any member. Each entry has
/// the reference's shape (Username = u_id, Attributes, UserCreateDate, UserLastModifiedDate,
/// Enabled, UserStatus) and the member's `Role`.
/// </summary>
public sealed class MemberList(RaytioDbContext db, OrganizationAccess access)
{
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public async Task<JsonArray> ListAsync(Guid caller, string orgId, CancellationToken cancellationToken)
    {
        var organization = (await access.ReadAsync(caller, orgId, cancellationToken)).Organization;
        var members = await Members(organization.Id, userId: null).ToListAsync(cancellationToken);
        return [.. members.Select(Entry)];
    }

    /// <summary>One member's entry (the answer of a role change); null when the user is not a member.</summary>
    public async Task<JsonObject?> OneAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken)
    {
        var member = await Members(organizationId, userId).FirstOrDefaultAsync(cancellationToken);
        return member is null ? null : Entry(member);
    }

    /// <summary>The organisation's members, or only <paramref name="userId"/> when given.</summary>
    private IQueryable<MemberRow> Members(Guid organizationId, Guid? userId)
    {
        var users = db.Users;
        var memberships = db.OrganizationMembers.AsNoTracking().Where(m => m.OrganizationId == organizationId);
        if (userId is { } only)
        {
            memberships = memberships.Where(m => m.UserId == only);
        }
        return from member in memberships
               join user in users on member.UserId equals user.Id
               orderby member.JoinedAt, member.UserId
               select new MemberRow(user.Id, user.Email, user.CreatedAt, user.UpdatedAt, user.DisabledAt == null, user.Status, member.Role);
    }

    private static JsonObject Entry(MemberRow member) => new()
    {
        ["Username"] = member.UserId,
        ["Attributes"] = new JsonArray(new JsonObject { ["Name"] = "email", ["Value"] = member.Email }),
        ["UserCreateDate"] = member.CreatedAt.ToString(DateFormat, CultureInfo.InvariantCulture),
        ["UserLastModifiedDate"] = member.UpdatedAt.ToString(DateFormat, CultureInfo.InvariantCulture),
        ["Enabled"] = member.Enabled,
        ["UserStatus"] = StatusName(member.Status),
        ["Role"] = RoleNames.Of(member.Role),
    };

    private static string StatusName(UserStatus status) => status switch
    {
        UserStatus.Unconfirmed => "UNCONFIRMED",
        UserStatus.Confirmed => "CONFIRMED",
        UserStatus.ResetRequired => "RESET_REQUIRED",
        _ => throw new InvalidOperationException($"Unknown user status {status}."),
    };

    private sealed record MemberRow(Guid UserId, string Email, DateTime CreatedAt, DateTime UpdatedAt, bool Enabled, UserStatus Status, OrganizationRole Role);
}
