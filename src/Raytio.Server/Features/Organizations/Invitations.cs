using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Auth;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Email;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// Operation 18 and its additions: administrators invite an address (a new invitation of the
/// same address replaces the pending one) and revoke invitations; the invited address's account
/// accepts with the emailed code. Each change, its email and its audit event are one transaction.
/// </summary>
public sealed class Invitations(
    RaytioDbContext db,
    OrganizationAccess access,
    OrganizationMembers members,
    AuditTrail audit,
    EmailOutbox email,
    Throttle throttle,
    TimeProvider time,
    IOptions<InviteOptions> options,
    IOptions<ThrottleOptions> throttleOptions)
{
    public const string InviteIdField = "invite_id";

    public async Task<JsonObject> InviteAsync(Guid caller, string orgId, InviteRequest request, CancellationToken cancellationToken)
    {
        var (address, role) = request.Check();
        // Before the transaction: the first HMAC stores its secret through a connection of its own.
        var emailHmac = await audit.HmacAsync(address, cancellationToken);
        var code = InviteCodes.New();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organization = (await access.LockAsync(caller, orgId, cancellationToken)).RequireAdmin().Organization;
        var memberships = db.OrganizationMembers;
        var account = await db.Users
            .Where(u => u.Email == address)
            .Select(u => new { IsMember = memberships.Any(m => m.OrganizationId == organization.Id && m.UserId == u.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (account is { IsMember: true })
        {
            throw ApiException.Conflict("already_member", $"The user {address} is already a member of the organization.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var replaced = await db.OrganizationInvites
            .Where(i => i.OrganizationId == organization.Id && i.Email == address).Pending(now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);
        var invite = new OrganizationInvite
        {
            Id = Guid.NewGuid(),
            OrganizationId = organization.Id,
            Email = address,
            CodeHash = InviteCodes.Hash(code),
            Role = role,
            InvitedBy = caller,
            CreatedAt = now,
            ExpiresAt = now + options.Value.InviteLifetime,
        };
        db.OrganizationInvites.Add(invite);
        // Only the invited address learns whether it has an account: the answer is the same.
        email.Enqueue(account is null
            ? InviteEmails.ToNewAddress(address, organization.Name, code, invite.ExpiresAt)
            : InviteEmails.ToAccount(address, organization.Name, code, invite.ExpiresAt));
        audit.Record(AuditEventTypes.OrganizationInvite, caller, organization.Id, new JsonObject
        {
            ["email_hmac"] = emailHmac,
            [InviteIdField] = invite.Id,
            ["role"] = RoleNames.Of(role),
            ["replaced"] = replaced,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JsonObject
        {
            ["message"] = $"The user {address} has been invited to join the {organization.Name} organization and an email with a verification code has been sent.",
            [InviteIdField] = invite.Id,
        };
    }

    public async Task<JsonObject> AcceptAsync(Guid caller, string orgId, AcceptInviteRequest request, HttpContext http, CancellationToken cancellationToken)
    {
        var organizationId = OrganizationAccess.ParseId(orgId);
        var code = request.Check();
        var counters = FailureCounters.For(PendingInvites.ThrottleScope, caller.ToString(), http, throttleOptions.Value);
        await throttle.EnsureAllowedAsync(counters, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var codeHash = InviteCodes.Hash(code);
        var invite = await db.OrganizationInvites.AsNoTracking()
            .Where(i => i.OrganizationId == organizationId && i.CodeHash == codeHash).Pending(now)
            .FirstOrDefaultAsync(cancellationToken);
        if (invite is null)
        {
            await throttle.RecordAsync(counters.Select(c => c.Key), cancellationToken);
            throw PendingInvites.InvalidCode();
        }
        var callerEmail = await db.Users.Where(u => u.Id == caller).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (callerEmail != invite.Email)
        {
            throw ApiException.Forbidden("invite_email_mismatch", "The invitation was sent to another email address: sign in with the invited address's account.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organization = await access.LockForInvitationAsync(organizationId, cancellationToken);
        // Accepted or revoked by another request since the lookup: as if the code were wrong.
        if (organization is null || !await PendingInvites.MarkAcceptedAsync(db, invite.Id, caller, now, cancellationToken))
        {
            throw PendingInvites.InvalidCode();
        }
        var joined = await members.AddAsync(organization, caller, invite.Role, cancellationToken);
        if (joined)
        {
            audit.Record(AuditEventTypes.OrganizationMemberAdd, caller, organization.Id, MemberAddDetails(caller, invite));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await throttle.ResetAsync(FailureCounters.PairKey(counters), cancellationToken);
        return new JsonObject
        {
            ["org_id"] = organization.Id,
            ["message"] = joined
                ? $"You have joined the {organization.Name} organization."
                : $"You already are a member of the {organization.Name} organization.",
        };
    }

    public async Task<JsonObject> RevokeAsync(Guid caller, string orgId, string inviteId, CancellationToken cancellationToken)
    {
        var id = GraphIds.Parse(InviteIdField, inviteId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organization = (await access.LockAsync(caller, orgId, cancellationToken)).RequireAdmin().Organization;
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.OrganizationInvites.Where(i => i.Id == id && i.OrganizationId == organization.Id).Pending(now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken) == 0)
        {
            throw ApiException.NotFound("invite_not_found", "No such pending invitation in this organization.");
        }
        audit.Record(AuditEventTypes.OrganizationInviteRevoke, caller, organization.Id, new JsonObject { [InviteIdField] = id });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JsonObject { ["message"] = $"The invitation {id} has been revoked." };
    }

    /// <summary>The details of the organization_member_add event of an accepted invitation.</summary>
    internal static JsonObject MemberAddDetails(Guid userId, OrganizationInvite invite) => new()
    {
        ["user_id"] = userId,
        ["role"] = RoleNames.Of(invite.Role),
        [InviteIdField] = invite.Id,
    };
}
