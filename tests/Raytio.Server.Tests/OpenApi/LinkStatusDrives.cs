using System.Text;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Links;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of the short-link operations (9, 10, 31) and the /l/ redirect for <see cref="DeclaredStatusTests"/>.</summary>
internal static class LinkStatusDrives
{
    public static async Task DriveLinksAsync(this RaytioFactory app, string tooLarge)
    {
        var user = await GraphUser.CreateAsync(app);
        var created = await (await app.PostJsonAsync("/org/v1/links", new { url = "https://example.com/" }, user.Bearer)).AssertOkAsync();
        var id = created.GetProperty("short_link_id").GetString();
        await app.PostJsonAsync("/org/v1/links", new { url = "javascript:alert(1)" }, user.Bearer);
        await app.PostJsonAsync("/org/v1/links", new { url = "https://example.com/" });

        await app.GetAsync($"/org/v1/links/{id}");
        await app.GetAsync("/org/v1/links/unknown");
        await app.GetAsync($"/org/v2/links/{id}");
        await app.FollowOnceAsync($"/l/{id}");
        await app.FollowOnceAsync("/l/unknown");

        var org = await app.CreateOrgAsync();
        var links = $"{org.Path}/links";
        await app.PostJsonAsync(links, new { url = "https://example.com/", description = "d" }, org.Admin.Bearer);
        await app.PostJsonAsync(links, new { url = "ftp://example.com/" }, org.Admin.Bearer);
        await app.PostJsonAsync(links, new { url = "https://example.com/" }, user.Bearer);
        await app.PostJsonAsync(links, new { url = "https://example.com/" });

        foreach (var path in new[] { "/org/{0}/links", $"/org/{{0}}/organizations/{org.Id}/links" })
        {
            await app.SendJsonTextAsync(HttpMethod.Post, string.Format(path, "v2"), "{}", org.Admin.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, string.Format(path, "v1"), tooLarge, org.Admin.Bearer);
            await app.SendAsync(HttpMethod.Post, string.Format(path, "v1"), new StringContent("<a/>", Encoding.UTF8, "application/xml"), org.Admin.Bearer);
        }
    }
}
