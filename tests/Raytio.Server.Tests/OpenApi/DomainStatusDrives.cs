using System.Text;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of the white-label domain operations (16, 17 and the public read) for <see cref="DeclaredStatusTests"/>.</summary>
internal static class DomainStatusDrives
{
    public static async Task DriveDomainsAsync(this RaytioFactory app, string tooLarge)
    {
        var org = await app.CreateOrgAsync();
        var other = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var stranger = await GraphUser.CreateAsync(app);
        var domain = DomainClient.NewDomain();
        var path = org.DomainPath(domain);

        await app.SetDomainAsync(org, domain, org.Admin.Bearer);
        await app.SetDomainAsync(org, domain, member.Bearer);
        await app.SetDomainAsync(org, domain, stranger.Bearer);
        await app.SetDomainAsync(other, domain, other.Admin.Bearer);
        await app.SetDomainAsync(org, domain, null);
        await app.SendJsonTextAsync(HttpMethod.Post, path, """{"theme":"dark"}""", org.Admin.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, path, tooLarge, org.Admin.Bearer);
        await app.SendAsync(HttpMethod.Post, path, new StringContent("<a/>", Encoding.UTF8, "application/xml"), org.Admin.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, path.Replace("/v1/", "/v2/", StringComparison.Ordinal), "{}", org.Admin.Bearer);

        await app.GetAsync(path, member.Bearer);
        await app.GetAsync(path, stranger.Bearer);
        await app.GetAsync(org.DomainPath("localhost"), member.Bearer);
        await app.GetAsync(path);
        await app.GetAsync(path.Replace("/v1/", "/v2/", StringComparison.Ordinal), member.Bearer);

        await app.PublicDomainAsync(domain);
        await app.PublicDomainAsync(DomainClient.NewDomain());
        await app.PublicDomainAsync("localhost");
        await app.GetAsync($"/org/v2/public/domains/{domain}");
    }
}
