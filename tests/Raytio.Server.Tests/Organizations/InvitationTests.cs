using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operation 18 and accepting and revoking invitations (codes read from the development mailbox).</summary>
public sealed class InvitationTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task An_existing_account_accepts_and_joins_as_the_invited_role()
    {
        var org = await app.CreateOrgAsync(name: "Acme Testing");
        var invitee = await app.NewPersonAsync();
        var answer = await (await app.InviteAsync(org, invitee.Email.ToUpperInvariant(), org.Admin.Bearer, "admin")).AssertOkAsync();
        Assert.Equal($"The user {invitee.Email} has been invited to join the Acme Testing organization and an email with a verification code has been sent.",
            answer.GetProperty("message").GetString());
        var inviteId = answer.GetProperty("invite_id").GetGuid();

        var email = await app.LatestEmailAsync(invitee.Email);
        Assert.Contains("Acme Testing", email, StringComparison.Ordinal);
        Assert.Contains("Sign in", email, StringComparison.Ordinal);
        var code = InviteClient.CodeIn(email);
        Assert.Matches("^[A-HJ-NP-Z2-9]{10}$", code);
        var row = await app.InviteRowAsync(inviteId);
        Assert.Equal(InviteCodes.Hash(code), row.CodeHash);
        Assert.Equal(TimeSpan.FromDays(7), row.ExpiresAt - row.CreatedAt);

        var accepted = await (await app.AcceptAsync(org, code.ToLowerInvariant(), invitee.Bearer)).AssertOkAsync();
        Assert.Equal(org.Id, accepted.GetProperty("org_id").GetGuid());
        Assert.Contains("Acme Testing", accepted.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(OrganizationRole.Admin, await app.RoleOfAsync(org, invitee.Id));
        Assert.Equal(invitee.Id, (await app.InviteRowAsync(inviteId)).AcceptedBy);
        Assert.True(await app.WithDbAsync(async db =>
        {
            var group = await db.Organizations.Where(o => o.Id == org.Id).Select(o => o.GroupNodeId).SingleAsync();
            var node = await db.GraphNodes.Where(n => n.Key == invitee.Id).Select(n => n.Id).SingleAsync();
            return await db.GraphRelationships.AnyAsync(r => r.StartId == node && r.EndId == group && r.Type == RelationshipTypes.BelongsTo);
        }));
        await (await app.GetAsync(org.Path, invitee.Bearer)).AssertOkAsync();

        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == org.Id).OrderBy(e => e.Id).ToListAsync());
        var invited = Assert.Single(events, e => e.EventType == AuditEventTypes.OrganizationInvite);
        Assert.Contains("email_hmac", invited.EventJson, StringComparison.Ordinal);
        Assert.DoesNotContain(invitee.Email, invited.EventJson, StringComparison.Ordinal);
        var added = Assert.Single(events, e => e.EventType == AuditEventTypes.OrganizationMemberAdd);
        Assert.Equal(invitee.Id, added.UserId);

        // Used once: the same code again is like any wrong code.
        await (await app.AcceptAsync(org, code, invitee.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_invite_code");
    }

    [Fact]
    public async Task The_answer_does_not_tell_whether_the_address_has_an_account()
    {
        var org = await app.CreateOrgAsync();
        var existing = await app.NewPersonAsync();
        var unknown = RaytioFactory.NewEmail();
        var toAccount = await (await app.InviteAsync(org, existing.Email, org.Admin.Bearer)).AssertOkAsync();
        var toNobody = await (await app.InviteAsync(org, unknown, org.Admin.Bearer)).AssertOkAsync();

        string Shape(System.Text.Json.JsonElement answer, string email) =>
            string.Join(",", answer.EnumerateObject().Select(p => p.Name)) + answer.GetProperty("message").GetString()!.Replace(email, "X", StringComparison.Ordinal);
        Assert.Equal(Shape(toAccount, existing.Email), Shape(toNobody, unknown));
        Assert.Contains("Sign in", await app.LatestEmailAsync(existing.Email), StringComparison.Ordinal);
        Assert.Contains("verification_code_org", await app.LatestEmailAsync(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_code_is_refused_like_an_unknown_one()
    {
        var org = await app.CreateOrgAsync();
        var (email, password, _) = await app.CreateSignedInUserAsync();
        var (inviteId, code) = await app.InvitedAsync(org, email);

        app.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        var bearer = (await app.LoginAsync(email, password)).IdentityToken;
        var expired = await (await app.AcceptAsync(org, code, bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_invite_code");
        var unknown = await (await app.AcceptAsync(org, "ABCDEFGHJK", bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_invite_code");
        Assert.Equal(unknown.GetRawText(), expired.GetRawText());
        Assert.Null((await app.InviteRowAsync(inviteId)).AcceptedAt);
        var admin = await app.NewPersonAsync();
        await app.AddMemberAsync(org, admin.Id, OrganizationRole.Admin);
        await (await app.RevokeAsync(org, inviteId, admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "invite_not_found");
    }

    [Fact]
    public async Task Another_accounts_caller_gets_403_and_nothing_changes()
    {
        var org = await app.CreateOrgAsync();
        var invitee = await app.NewPersonAsync();
        var other = await app.NewPersonAsync();
        var (inviteId, code) = await app.InvitedAsync(org, invitee.Email);

        await (await app.AcceptAsync(org, code, other.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "invite_email_mismatch");
        Assert.Null(await app.RoleOfAsync(org, other.Id));
        Assert.Null((await app.InviteRowAsync(inviteId)).AcceptedAt);
        await (await app.AcceptAsync(org, code, invitee.Bearer)).AssertOkAsync();
    }

    [Fact]
    public async Task A_revoked_invitation_cannot_be_accepted_or_revoked_again()
    {
        var org = await app.CreateOrgAsync();
        var invitee = await app.NewPersonAsync();
        var (inviteId, code) = await app.InvitedAsync(org, invitee.Email);

        var revoked = await (await app.RevokeAsync(org, inviteId, org.Admin.Bearer)).AssertOkAsync();
        Assert.False(string.IsNullOrWhiteSpace(revoked.GetProperty("message").GetString()));
        Assert.NotNull((await app.InviteRowAsync(inviteId)).RevokedAt);
        await (await app.AcceptAsync(org, code, invitee.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_invite_code");
        await (await app.RevokeAsync(org, inviteId, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "invite_not_found");
        await (await app.RevokeAsync(org, Guid.NewGuid(), org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "invite_not_found");
        Assert.Null(await app.RoleOfAsync(org, invitee.Id));
        var revokes = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == org.Id && e.EventType == AuditEventTypes.OrganizationInviteRevoke));
        Assert.Equal(1, revokes);
    }

    [Fact]
    public async Task Inviting_again_replaces_the_pending_invitation()
    {
        var org = await app.CreateOrgAsync();
        var invitee = await app.NewPersonAsync();
        var (firstId, firstCode) = await app.InvitedAsync(org, invitee.Email);
        var (secondId, secondCode) = await app.InvitedAsync(org, invitee.Email);

        Assert.NotEqual(firstCode, secondCode);
        Assert.NotNull((await app.InviteRowAsync(firstId)).RevokedAt);
        await (await app.AcceptAsync(org, firstCode, invitee.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_invite_code");
        await (await app.AcceptAsync(org, secondCode, invitee.Bearer)).AssertOkAsync();
        Assert.NotNull((await app.InviteRowAsync(secondId)).AcceptedAt);
        Assert.Equal(OrganizationRole.Member, await app.RoleOfAsync(org, invitee.Id));
    }

    [Fact]
    public async Task Inviting_a_member_is_409_and_writes_nothing()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewPersonAsync();
        await app.AddMemberAsync(org, member.Id);
        var emails = await app.MailboxCountAsync(member.Email);

        await (await app.InviteAsync(org, member.Email, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "already_member");
        Assert.Equal(emails, await app.MailboxCountAsync(member.Email));
        Assert.Equal(0, await app.WithDbAsync(db => db.OrganizationInvites.CountAsync(i => i.OrganizationId == org.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == org.Id && e.EventType == AuditEventTypes.OrganizationInvite)));
    }

    [Fact]
    public async Task Accepting_as_a_member_already_marks_the_invitation_accepted()
    {
        var org = await app.CreateOrgAsync();
        var invitee = await app.NewPersonAsync();
        var (inviteId, code) = await app.InvitedAsync(org, invitee.Email, "admin");
        await app.AddMemberAsync(org, invitee.Id);

        var answer = await (await app.AcceptAsync(org, code, invitee.Bearer)).AssertOkAsync();
        Assert.Equal(org.Id, answer.GetProperty("org_id").GetGuid());
        Assert.NotNull((await app.InviteRowAsync(inviteId)).AcceptedAt);
        Assert.Equal(OrganizationRole.Member, await app.RoleOfAsync(org, invitee.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.SubjectId == org.Id && e.EventType == AuditEventTypes.OrganizationMemberAdd)));
    }

    [Fact]
    public async Task A_code_works_only_on_its_own_organisation()
    {
        var org = await app.CreateOrgAsync();
        var other = await app.CreateOrgAsync();
        var invitee = await app.NewPersonAsync();
        var (_, code) = await app.InvitedAsync(org, invitee.Email);

        await (await app.AcceptAsync(other, code, invitee.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_invite_code");
        Assert.Null(await app.RoleOfAsync(other, invitee.Id));
    }

    [Fact]
    public async Task Wrong_codes_are_throttled()
    {
        var org = await app.CreateOrgAsync();
        var guesser = await app.NewPersonAsync();
        for (var i = 0; i < 5; i++)
        {
            await (await app.AcceptAsync(org, $"WRONGCODE{i}", guesser.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_invite_code");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.AcceptAsync(org, "WRONGCODE9", guesser.Bearer)).StatusCode);
    }

    [Fact]
    public async Task Cleanup_deletes_invitations_ended_longer_than_the_retention_ago()
    {
        var org = await app.CreateOrgAsync();
        var (revokedId, _) = await app.InvitedAsync(org, RaytioFactory.NewEmail());
        await (await app.RevokeAsync(org, revokedId, org.Admin.Bearer)).AssertOkAsync();
        var now = app.Time.GetUtcNow().UtcDateTime;
        var pendingId = await app.WithDbAsync(async db =>
        {
            var pending = new OrganizationInvite
            {
                Id = Guid.NewGuid(),
                OrganizationId = org.Id,
                Email = RaytioFactory.NewEmail(),
                CodeHash = InviteCodes.Hash(InviteCodes.New()),
                InvitedBy = org.Admin.Id,
                CreatedAt = now,
                ExpiresAt = now + TimeSpan.FromDays(60),
            };
            db.OrganizationInvites.Add(pending);
            await db.SaveChangesAsync();
            return pending.Id;
        });

        await CleanupAsync(now + TimeSpan.FromDays(29));
        Assert.True(await ExistsAsync(revokedId));
        await CleanupAsync(now + TimeSpan.FromDays(31));
        Assert.False(await ExistsAsync(revokedId));
        Assert.True(await ExistsAsync(pendingId));
    }

    /// <summary>Only the invitations' task, at a chosen time (the other tasks would clean up behind other tests).</summary>
    private async Task CleanupAsync(DateTime now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var task = scope.ServiceProvider.GetServices<ICleanupTask>().OfType<InviteCleanup>().Single();
        await task.RunAsync(now, CancellationToken.None);
    }

    private Task<bool> ExistsAsync(Guid inviteId) => app.WithDbAsync(db => db.OrganizationInvites.AnyAsync(i => i.Id == inviteId));
}
