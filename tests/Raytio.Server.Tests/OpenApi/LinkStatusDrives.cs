using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Links;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of the short-link operations (9, 10, 31) and the /l/ redirect for <see cref="DeclaredStatusTests"/>.</summary>
internal static class LinkStatusDrives
{
    public static async Task DriveLinksAsync(this RaytioFactory app)
    {
        var id = await app.StoreLinkAsync("https://example.com/");
        await app.FollowOnceAsync($"/l/{id}");
        await app.FollowOnceAsync("/l/unknown");
    }
}
