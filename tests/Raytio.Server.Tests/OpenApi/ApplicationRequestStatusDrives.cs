using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.ApplicationRequests;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of the application-request operations (13-15) for <see cref="DeclaredStatusTests"/>.</summary>
internal static class ApplicationRequestStatusDrives
{
    public static async Task DriveApplicationRequestsAsync(this RaytioFactory app, string tooLarge)
    {
        var org = await app.CreateOrgAsync();
        var outsider = await GraphUser.CreateAsync(app);
        var path = org.RequestsPath();
        var code = (await app.CreateRequestAsync(org)).ShortCode();
        var item = $"{path}/{code}";

        await app.SendJsonTextAsync(HttpMethod.Post, path, """{"email":"x"}""", org.Admin.Bearer);
        await app.PostJsonAsync(path, ApplicationRequestSeed.Body(), outsider.Bearer);
        await app.PostJsonAsync(path, ApplicationRequestSeed.Body());

        await app.GetAsync(path, org.Admin.Bearer);
        await app.GetAsync($"{path}?limit=0", org.Admin.Bearer);
        await app.GetAsync(path, outsider.Bearer);
        await app.GetAsync(path);

        await app.PatchRequestAsync(org, code, new { state = "sent" }, org.Admin.Bearer);
        await app.PatchRequestAsync(org, code, new { state = "complete" }, org.Admin.Bearer);
        await app.PatchRequestAsync(org, code, new { state = "sent" }, outsider.Bearer);
        await app.PatchRequestAsync(org, "abcdefghij", new { state = "sent" }, org.Admin.Bearer);
        await app.PatchRequestAsync(org, code, new { state = "sent" }, null);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApplicationRequestChanges>().CompleteAsync(code, outsider.Id, CancellationToken.None);
        }
        await app.PatchRequestAsync(org, code, new { state = "resend" }, org.Admin.Bearer);

        // Another version, a body over the limit, a wrong media type.
        await app.GetAsync(path.Replace("/v1/", "/v2/", StringComparison.Ordinal), org.Admin.Bearer);
        foreach (var (method, target) in new[] { (HttpMethod.Post, path), (HttpMethod.Patch, item) })
        {
            await app.SendJsonTextAsync(method, target.Replace("/v1/", "/v2/", StringComparison.Ordinal), "{}", org.Admin.Bearer);
            await app.SendJsonTextAsync(method, target, tooLarge, org.Admin.Bearer);
            await app.SendAsync(method, target, new StringContent("<a/>", Encoding.UTF8, "application/xml"), org.Admin.Bearer);
        }
    }
}
