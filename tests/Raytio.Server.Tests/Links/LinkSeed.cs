using Microsoft.AspNetCore.Mvc.Testing;
using Raytio.Server.Features.Links;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Links;

/// <summary>Short links stored directly, and a client that shows redirects instead of following them.</summary>
public static class LinkSeed
{
    public static async Task<string> StoreLinkAsync(this RaytioFactory app, string url, DateTime? expiresAt = null)
    {
        var id = Raytio.Server.Hosting.ShortIds.New();
        await app.WithDbAsync(async db =>
        {
            db.ShortLinks.Add(new ShortLink { Id = id, Url = url, Persist = expiresAt is null, CreatedAt = DateTime.UtcNow, ExpiresAt = expiresAt });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    public static Task<HttpResponseMessage> FollowOnceAsync(this RaytioFactory app, string path) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);
}
