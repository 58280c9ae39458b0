using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Auth;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Signup (operation 2) with `verification_code_org`: a new address joins the inviting organisation.</summary>
public sealed class InvitationSignupTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_new_address_signs_up_with_the_code_and_joins()
    {
        var org = await app.CreateOrgAsync();
        var email = RaytioFactory.NewEmail();
        var (inviteId, code) = await app.InvitedAsync(org, email, "admin");

        await (await SignupAsync(email, code)).AssertOkAsync();
        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Equal(UserStatus.Unconfirmed, user.Status);
        Assert.Equal(OrganizationRole.Admin, await app.RoleOfAsync(org, user.Id));
        var invite = await app.InviteRowAsync(inviteId);
        Assert.Equal(user.Id, invite.AcceptedBy);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.SubjectId == org.Id && e.EventType == AuditEventTypes.OrganizationMemberAdd && e.UserId == user.Id)));

        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = email, verification_code = await app.LatestCodeAsync(email) })).AssertOkAsync();
        var tokens = await app.LoginAsync(email, Password);
        await (await app.GetAsync(org.Path, tokens.IdentityToken)).AssertOkAsync();
    }

    [Fact]
    public async Task A_wrong_code_is_400_whether_or_not_the_account_exists_and_writes_nothing()
    {
        var org = await app.CreateOrgAsync();
        var invited = RaytioFactory.NewEmail();
        var (_, code) = await app.InvitedAsync(org, invited);
        var (existing, _) = await app.CreateVerifiedUserAsync();
        var fresh = RaytioFactory.NewEmail();
        var existingEmails = await app.MailboxCountAsync(existing);

        var bodies = new List<string>();
        foreach (var (email, tried) in new[] { (fresh, "ABCDEFGHJK"), (fresh, code), (existing, "ABCDEFGHJK"), (existing, code) })
        {
            var error = await (await SignupAsync(email, tried)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_invite_code");
            bodies.Add(error.GetRawText());
        }
        Assert.Single(bodies.Distinct());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == fresh)));
        Assert.Equal(0, await app.MailboxCountAsync(fresh));
        Assert.Equal(existingEmails, await app.MailboxCountAsync(existing));
        await (await SignupAsync(invited, code)).AssertOkAsync();
    }

    [Fact]
    public async Task A_confirmed_account_consumes_nothing_and_accepts_after_signing_in()
    {
        var org = await app.CreateOrgAsync();
        var person = await app.NewPersonAsync();
        var (inviteId, code) = await app.InvitedAsync(org, person.Email);

        var again = await (await SignupAsync(person.Email, code)).AssertOkAsync();
        var fresh = await (await SignupAsync(RaytioFactory.NewEmail(), null)).AssertOkAsync();
        Assert.Equal(fresh.GetProperty("message").GetString()!.Split(' ').Length, again.GetProperty("message").GetString()!.Split(' ').Length);
        Assert.Contains("already has one", await app.LatestEmailAsync(person.Email), StringComparison.Ordinal);
        Assert.Null((await app.InviteRowAsync(inviteId)).AcceptedAt);
        Assert.Null(await app.RoleOfAsync(org, person.Id));

        await (await app.AcceptAsync(org, code, person.Bearer)).AssertOkAsync();
        Assert.Equal(OrganizationRole.Member, await app.RoleOfAsync(org, person.Id));
    }

    [Fact]
    public async Task An_unconfirmed_account_joins_on_a_repeated_signup()
    {
        var org = await app.CreateOrgAsync();
        var email = RaytioFactory.NewEmail();
        await (await SignupAsync(email, null)).AssertOkAsync();
        var (_, code) = await app.InvitedAsync(org, email);

        await (await SignupAsync(email, code)).AssertOkAsync();
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(OrganizationRole.Member, await app.RoleOfAsync(org, userId));
    }

    [Fact]
    public async Task Expired_and_revoked_codes_are_refused()
    {
        var org = await app.CreateOrgAsync();
        var revokedFor = RaytioFactory.NewEmail();
        var (revokedId, revokedCode) = await app.InvitedAsync(org, revokedFor);
        await (await app.RevokeAsync(org, revokedId, org.Admin.Bearer)).AssertOkAsync();
        await (await SignupAsync(revokedFor, revokedCode)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_invite_code");

        var expiringFor = RaytioFactory.NewEmail();
        var (_, expiringCode) = await app.InvitedAsync(org, expiringFor);
        app.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));
        await (await SignupAsync(expiringFor, expiringCode)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_invite_code");
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == expiringFor || u.Email == revokedFor)));
    }

    private Task<HttpResponseMessage> SignupAsync(string email, string? code) =>
        app.PostJsonAsync("/oauth/v1/signup", new { username = email, password = Password, verification_code_org = code });
}
