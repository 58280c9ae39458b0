using System.Text;
using Raytio.Server.Tests.FaceComparison;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>
/// Drives every outcome of face comparison (112) for <see cref="DeclaredStatusTests"/>. Its 502
/// needs the Live adapter (FaceComparisonLiveHostTests), so it is listed as declared but not driven.
/// </summary>
internal static class FaceComparisonStatusDrives
{
    /// <summary>The operation's body limit on the test host: above two Sandbox images, below what the 413 drive sends.</summary>
    public const int BodyLimit = 32 * 1024;

    public static async Task DriveFaceComparisonAsync(this RaytioFactory app)
    {
        var user = await GraphUser.CreateAsync(app);
        await app.StartMeteringAsync();
        var broke = await app.CreateOrgAsync();
        var body = FaceRequests.Body("aroha-front.png", "group.png");
        const string path = FaceRequests.ComparePath;
        try
        {
            await app.SendJsonTextAsync(HttpMethod.Post, path, body, user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path, "{}", user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path, body);
            await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id={broke.Id}", body, broke.Admin.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id={broke.Id}", body, user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path.Replace("/v1/", "/v2/", StringComparison.Ordinal), body, user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path, $$"""{"pad":"{{new string('a', BodyLimit)}}"}""", user.Bearer);
            await app.SendAsync(HttpMethod.Post, path, new StringContent("<a/>", Encoding.UTF8, "application/xml"), user.Bearer);
        }
        finally
        {
            app.StopMetering();
        }
    }
}
