using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operations 16 and 17 and the public domain read, as the tests call them.</summary>
public static class DomainClient
{
    public static object Settings(string name = "Acme", string primary = "#123456") => new
    {
        name,
        theme = new { palette = new { primary }, font = "Inter" },
        logo = new { light = "https://cdn.example.com/light.png", dark = (string?)null },
    };

    public static string DomainPath(this Org org, string domain) => $"{org.Path}/domains/{domain}";

    public static Task<HttpResponseMessage> SetDomainAsync(this RaytioFactory app, Org org, string domain, string? bearer, object? body = null) =>
        app.PostJsonAsync(org.DomainPath(domain), body ?? Settings(), bearer);

    public static Task<HttpResponseMessage> PublicDomainAsync(this RaytioFactory app, string domain) => app.GetAsync($"/org/v1/public/domains/{domain}");

    /// <summary>A domain name no other test uses.</summary>
    public static string NewDomain() => $"brand-{Guid.NewGuid():N}.example.com";
}
