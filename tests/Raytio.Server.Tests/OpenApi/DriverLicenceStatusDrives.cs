using System.Text;
using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Server.Tests.DriverLicence;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of operation 98 (the driver licence check, on the Sandbox register) for <see cref="DeclaredStatusTests"/>.</summary>
internal static class DriverLicenceStatusDrives
{
    public static async Task DriveDriverLicenceAsync(this RaytioFactory app, string tooLarge)
    {
        const string path = DriverLicenceCheckTests.Path;
        var user = await GraphUser.CreateAsync(app);
        await app.StartMeteringAsync();
        var broke = await app.CreateOrgAsync();
        try
        {
            await app.SendJsonTextAsync(HttpMethod.Post, path, DriverLicenceCheckTests.Body(), user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path, "{}", user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path, "[]", user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path, DriverLicenceCheckTests.Body());
            await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id={broke.Id}", DriverLicenceCheckTests.Body(), broke.Admin.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id={broke.Id}", DriverLicenceCheckTests.Body(), user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path, DriverLicenceCheckTests.Body(SandboxIdentities.UnavailableNumber), user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path.Replace("/v1/", "/v2/", StringComparison.Ordinal), DriverLicenceCheckTests.Body(), user.Bearer);
            await app.SendJsonTextAsync(HttpMethod.Post, path, tooLarge, user.Bearer);
            await app.SendAsync(HttpMethod.Post, path, new StringContent("<a/>", Encoding.UTF8, "application/xml"), user.Bearer);
        }
        finally
        {
            app.StopMetering();
        }
    }
}
