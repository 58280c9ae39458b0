using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Auth;

namespace Raytio.Server.Features.Organizations;

/// <summary>Signup with `verification_code_org` (operation 2): the new account joins the inviting organisation in the signup's save.</summary>
internal sealed class SignupInvitations(
    RaytioDbContext db,
    OrganizationAccess access,
    OrganizationMembers members,
    AuditTrail audit,
    Throttle throttle,
    TimeProvider time,
    IOptions<ThrottleOptions> throttleOptions) : ISignupInvitations
{
    public async Task<SignupInvitation> FindAsync(string code, string username, HttpContext http, CancellationToken cancellationToken)
    {
        var counters = FailureCounters.For(PendingInvites.ThrottleScope, username, http, throttleOptions.Value);
        await throttle.EnsureAllowedAsync(counters, cancellationToken);
        var invite = code.Length <= InviteCodes.MaximumInputLength ? await PendingAsync(InviteCodes.Hash(code), username, cancellationToken) : null;
        if (invite is null)
        {
            await throttle.RecordAsync(counters.Select(c => c.Key), cancellationToken);
            throw PendingInvites.InvalidCode();
        }
        return invite;
    }

    public async Task JoinAsync(SignupInvitation invitation, Guid? userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var organization = await access.LockForInvitationAsync(invitation.OrganizationId, cancellationToken)
            ?? throw PendingInvites.InvalidCode();
        var invite = await db.OrganizationInvites.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitation.InviteId, cancellationToken)
            ?? throw PendingInvites.InvalidCode();
        if (userId is not { } joining)
        {
            return;
        }
        // Accepted or revoked by another request since the lookup: as if the code were wrong.
        if (!await PendingInvites.MarkAcceptedAsync(db, invite.Id, joining, now, cancellationToken))
        {
            throw PendingInvites.InvalidCode();
        }
        if (await members.AddAsync(organization, joining, invite.Role, cancellationToken))
        {
            audit.Record(AuditEventTypes.OrganizationMemberAdd, joining, organization.Id, Invitations.MemberAddDetails(joining, invite));
        }
    }

    private Task<SignupInvitation?> PendingAsync(string codeHash, string username, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.OrganizationInvites.AsNoTracking()
            .Where(i => i.CodeHash == codeHash && i.Email == username).Pending(now)
            .Select(i => new SignupInvitation(i.Id, i.OrganizationId))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
