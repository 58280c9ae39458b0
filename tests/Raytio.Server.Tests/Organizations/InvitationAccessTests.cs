using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Who may invite, revoke and accept (administrator, member, another organisation's administrator, unrelated, anonymous), and bad input.</summary>
public sealed class InvitationAccessTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Only_administrators_invite_and_others_learn_nothing()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var unrelated = await app.NewPersonAsync();
        var email = RaytioFactory.NewEmail();

        await (await app.InviteAsync(org, email, member.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var unknown = await (await app.InviteAsync(org with { Id = Guid.NewGuid() }, email, otherAdmin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        foreach (var outsider in new[] { otherAdmin.Bearer, unrelated.Bearer })
        {
            var hidden = await (await app.InviteAsync(org, email, outsider)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            Assert.Equal(unknown.GetRawText(), hidden.GetRawText());
        }
        await (await app.InviteAsync(org, email, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(0, await app.MailboxCountAsync(email));
        Assert.Equal(0, await app.WithDbAsync(db => db.OrganizationInvites.CountAsync(i => i.OrganizationId == org.Id)));

        await (await app.InviteAsync(org, email, org.Admin.Bearer)).AssertOkAsync();
        var promoted = await app.NewMemberAsync(org, OrganizationRole.Admin);
        await (await app.InviteAsync(org, RaytioFactory.NewEmail(), promoted.Bearer)).AssertOkAsync();
    }

    [Fact]
    public async Task Only_administrators_revoke_and_others_learn_nothing()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherOrg = await app.CreateOrgAsync();
        var unrelated = await app.NewPersonAsync();
        var (inviteId, _) = await app.InvitedAsync(org, RaytioFactory.NewEmail());

        await (await app.RevokeAsync(org, inviteId, member.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var unknown = await (await app.RevokeAsync(org with { Id = Guid.NewGuid() }, inviteId, unrelated.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        foreach (var outsider in new[] { otherOrg.Admin.Bearer, unrelated.Bearer })
        {
            var hidden = await (await app.RevokeAsync(org, inviteId, outsider)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            Assert.Equal(unknown.GetRawText(), hidden.GetRawText());
        }
        // Another organisation's administrator names the invitation on their own organisation.
        await (await app.RevokeAsync(otherOrg, inviteId, otherOrg.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "invite_not_found");
        await (await app.RevokeAsync(org, inviteId, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Null((await app.InviteRowAsync(inviteId)).RevokedAt);

        await (await app.RevokeAsync(org, inviteId, org.Admin.Bearer)).AssertOkAsync();
    }

    [Fact]
    public async Task Accepting_needs_a_signed_in_caller_with_the_invited_address()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var unrelated = await app.NewPersonAsync();
        var invitee = await app.NewPersonAsync();
        var (inviteId, code) = await app.InvitedAsync(org, invitee.Email);

        await (await app.AcceptAsync(org, code, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        foreach (var other in new[] { org.Admin.Bearer, member.Bearer, otherAdmin.Bearer, unrelated.Bearer })
        {
            await (await app.AcceptAsync(org, code, other)).AssertErrorAsync(HttpStatusCode.Forbidden, "invite_email_mismatch");
        }
        Assert.Null((await app.InviteRowAsync(inviteId)).AcceptedAt);
        await (await app.AcceptAsync(org, code, invitee.Bearer)).AssertOkAsync();
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field()
    {
        var org = await app.CreateOrgAsync();
        foreach (var (body, field) in new[]
        {
            ("{}", "email"), ("""{"email":"not-an-email"}""", "email"), ("""{"email":"a@b.co","role":"owner"}""", "role"),
        })
        {
            var error = await (await app.SendJsonTextAsync(HttpMethod.Post, org.InvitesPath(), body, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), body);
        }
        foreach (var body in new[] { "{}", """{"code":""}""", $$"""{"code":"{{new string('A', 65)}}"}""" })
        {
            var error = await (await app.SendJsonTextAsync(HttpMethod.Post, $"{org.InvitesPath()}/accept", body, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty("code", out _), body);
        }
        var badInvite = await (await app.SendAsync(HttpMethod.Delete, $"{org.InvitesPath()}/x", null, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(badInvite.GetProperty("errors").TryGetProperty("invite_id", out _));
        var badOrg = await (await app.PostJsonAsync("/org/v1/organizations/x/invites", new { email = "a@b.co" }, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(badOrg.GetProperty("errors").TryGetProperty("orgID", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.OrganizationInvites.CountAsync(i => i.OrganizationId == org.Id)));
    }
}
