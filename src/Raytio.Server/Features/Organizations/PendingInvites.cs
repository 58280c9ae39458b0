using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Organizations;

/// <summary>What accepting an invitation needs in both places it happens (accept and signup).</summary>
internal static class PendingInvites
{
    /// <summary>The throttle scope of wrong invitation codes.</summary>
    public const string ThrottleScope = "invite";

    /// <summary>Invitations neither accepted, revoked nor expired.</summary>
    public static IQueryable<OrganizationInvite> Pending(this IQueryable<OrganizationInvite> invites, DateTime now) =>
        invites.Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now);

    /// <summary>One answer whatever was wrong with the code, so a guesser learns nothing about invitations.</summary>
    public static ApiException InvalidCode() =>
        ApiException.BadRequest("invalid_invite_code", "The invitation code is incorrect, has expired or is no longer valid.");

    /// <summary>Marks the invitation accepted if it still is pending; false when another request got there first.</summary>
    public static async Task<bool> MarkAcceptedAsync(RaytioDbContext db, Guid inviteId, Guid userId, DateTime now, CancellationToken cancellationToken) =>
        await db.OrganizationInvites.Where(i => i.Id == inviteId).Pending(now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedBy, userId), cancellationToken) == 1;
}
