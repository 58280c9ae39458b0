using System.Text;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of operations 7, 8, 11, 12 and 26 and the role and removal additions for <see cref="DeclaredStatusTests"/>.</summary>
internal static class OrganizationAdminStatusDrives
{
    public static async Task DriveOrganizationsAsync(this RaytioFactory app, string tooLarge)
    {
        var org = await app.CreateOrgAsync();
        var outsider = await GraphUser.CreateAsync(app);
        await app.SendJsonTextAsync(HttpMethod.Post, "/org/v1/organizations", "{}", outsider.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, "/org/v1/organizations", "{}");
        await app.SendJsonTextAsync(HttpMethod.Post, "/org/v1/organizations", tooLarge, outsider.Bearer);
        await app.SendAsync(HttpMethod.Post, "/org/v1/organizations", new StringContent("<a/>", Encoding.UTF8, "application/xml"), outsider.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, "/org/v2/organizations", "{}", outsider.Bearer);
        foreach (var bearer in new[] { org.Admin.Bearer, null })
        {
            await app.GetAsync("/org/v1/organizations", bearer);
            await app.GetAsync(org.Path, bearer);
        }
        await app.GetAsync("/org/v2/organizations", org.Admin.Bearer);
        await app.GetAsync(org.Path, outsider.Bearer);
        await app.GetAsync("/org/v1/organizations/x", org.Admin.Bearer);
    }

    public static async Task DriveOrganizationAdministrationAsync(this RaytioFactory app, string tooLarge)
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var outsider = await GraphUser.CreateAsync(app);
        var admin = org.Admin.Bearer;
        var body = OrgSeed.Json(OrgSeed.Body("Renamed"));

        await app.UpdateOrgAsync(org, admin, body);
        await app.UpdateOrgAsync(org, admin, "{}");
        await app.UpdateOrgAsync(org, member.Bearer, body);
        await app.UpdateOrgAsync(org, outsider.Bearer, body);
        await app.UpdateOrgAsync(org, null, body);

        await app.OrgMembersAsync(org, member.Bearer);
        await app.OrgMembersAsync(org, outsider.Bearer);
        await app.OrgMembersAsync(org, null);
        await app.GetAsync("/org/v1/organizations/x/users", admin);

        await app.ChangeOrgRoleAsync(org, admin, member.Id, "admin");
        await app.ChangeOrgRoleAsync(org, admin, member.Id, "owner");
        await app.ChangeOrgRoleAsync(org, admin, member.Id, "member");
        await app.ChangeOrgRoleAsync(org, member.Bearer, member.Id, "admin");
        await app.ChangeOrgRoleAsync(org, outsider.Bearer, member.Id, "admin");
        await app.ChangeOrgRoleAsync(org, null, member.Id, "admin");
        await app.ChangeOrgRoleAsync(org, admin, org.Admin.Id, "member");

        var leaver = await app.NewMemberAsync(org);
        await app.RemoveOrgMemberAsync(org, leaver.Bearer, member.Id);
        await app.RemoveOrgMemberAsync(org, admin, "x");
        await app.RemoveOrgMemberAsync(org, outsider.Bearer, outsider.Id);
        await app.RemoveOrgMemberAsync(org, null, leaver.Id);
        await app.RemoveOrgMemberAsync(org, admin, org.Admin.Id);
        await app.RemoveOrgMemberAsync(org, leaver.Bearer, leaver.Id);

        // A body over the limit, a wrong media type, another version.
        foreach (var path in new[] { org.Path, $"{org.Path}/users/{member.Id}/role" })
        {
            await app.SendJsonTextAsync(HttpMethod.Put, path, tooLarge, admin);
            await app.SendAsync(HttpMethod.Put, path, new StringContent("<a/>", Encoding.UTF8, "application/xml"), admin);
            await app.SendJsonTextAsync(HttpMethod.Put, path.Replace("/v1/", "/v2/"), "{}", admin);
        }
        await app.GetAsync($"/org/v2/organizations/{org.Id}/users", admin);
        await app.SendAsync(HttpMethod.Delete, $"/org/v2/organizations/{org.Id}/users/{member.Id}", null, admin);
    }
}
