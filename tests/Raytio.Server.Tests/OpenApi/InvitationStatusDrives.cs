using System.Text;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of invitations (operation 18, accept, revoke) for <see cref="DeclaredStatusTests"/>.</summary>
internal static class InvitationStatusDrives
{
    public static async Task DriveInvitationsAsync(this RaytioFactory app, string tooLarge)
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewPersonAsync();
        await app.AddMemberAsync(org, member.Id);
        var invitee = await app.NewPersonAsync();
        var accept = $"{org.InvitesPath()}/accept";

        await app.InviteAsync(org, RaytioFactory.NewEmail(), member.Bearer);
        await app.InviteAsync(org, RaytioFactory.NewEmail(), invitee.Bearer);
        await app.InviteAsync(org, org.Admin.Id + "@example.com", null);
        await app.SendJsonTextAsync(HttpMethod.Post, org.InvitesPath(), "{}", org.Admin.Bearer);
        var (inviteId, code) = await app.InvitedAsync(org, invitee.Email);
        await app.InviteAsync(org, member.Email, org.Admin.Bearer);

        await app.AcceptAsync(org, code, member.Bearer);
        await app.AcceptAsync(org, code, null);
        await app.SendJsonTextAsync(HttpMethod.Post, accept, "{}", invitee.Bearer);
        await app.AcceptAsync(org, code, invitee.Bearer);
        for (var i = 0; i < 6; i++)
        {
            await app.AcceptAsync(org, code, invitee.Bearer);
        }

        var (revoked, _) = await app.InvitedAsync(org, RaytioFactory.NewEmail());
        await app.RevokeAsync(org, revoked, member.Bearer);
        await app.RevokeAsync(org, revoked, null);
        await app.SendAsync(HttpMethod.Delete, $"{org.InvitesPath()}/x", null, org.Admin.Bearer);
        await app.RevokeAsync(org, revoked, org.Admin.Bearer);
        await app.RevokeAsync(org, inviteId, org.Admin.Bearer);
        await app.RevokeAsync(org with { Id = Guid.NewGuid() }, revoked, org.Admin.Bearer);

        // Another version, a body over the limit, a wrong media type.
        foreach (var path in new[] { org.InvitesPath(), accept })
        {
            await app.SendJsonTextAsync(HttpMethod.Post, path.Replace("/v1/", "/v2/", StringComparison.Ordinal), "{}", org.Admin.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path, tooLarge, org.Admin.Bearer);
            await app.SendAsync(HttpMethod.Post, path, new StringContent("<a/>", Encoding.UTF8, "application/xml"), org.Admin.Bearer);
        }
        await app.SendAsync(HttpMethod.Delete, $"{org.InvitesPath()}/{revoked}".Replace("/v1/", "/v2/", StringComparison.Ordinal), null, org.Admin.Bearer);
    }
}
