using System.Text;
using Raytio.Server.Providers.Nzbn.Sandbox;
using Raytio.Server.Tests.Credit;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>
/// Drives every outcome of the NZBN (90, 108, 109) and credit report (99, 100) operations for
/// <see cref="DeclaredStatusTests"/>. The NZBN operations' 502 needs the Live adapter
/// (NzbnLiveHostTests), so it is listed as declared but not driven here.
/// </summary>
internal static class OutsideChecksStatusDrives
{
    public static async Task DriveOutsideChecksAsync(this RaytioFactory app, string tooLarge)
    {
        var user = await GraphUser.CreateAsync(app);
        await app.StartMeteringAsync();
        var broke = await app.CreateOrgAsync();
        var kowhai = NzbnSandboxGenerator.NzbnOf(1);
        try
        {
            foreach (var path in new[] { "/nzbn/v1/entities?search-term=kowhai", $"/nzbn/v1/entities/{kowhai}", $"/nzbn/v1/entities/{kowhai}/ownership" })
            {
                var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                await app.GetAsync(path, user.Bearer);
                await app.GetAsync(path);
                await app.GetAsync(path.Replace("/v1/", "/v2/", StringComparison.Ordinal), user.Bearer);
                await app.GetAsync($"{path}{separator}org_id={broke.Id}", broke.Admin.Bearer);
                await app.GetAsync($"{path}{separator}org_id={broke.Id}", user.Bearer);
            }
            await app.GetAsync("/nzbn/v1/entities?page-size=0", user.Bearer);
            await app.GetAsync("/nzbn/v1/entities/123", user.Bearer);
            await app.GetAsync("/nzbn/v1/entities/123/ownership", user.Bearer);
            await app.GetAsync($"/nzbn/v1/entities/{NzbnSandboxGenerator.NzbnOf(999_999)}", user.Bearer);
            await app.GetAsync($"/nzbn/v1/entities/{NzbnSandboxGenerator.NzbnOf(999_999)}/ownership", user.Bearer);

            foreach (var (path, body) in new[] { ("/credit/v1/consumer", CreditReportTests.Consumer("AROHA", "TESTCLEAN", "1985-04-12")), ("/credit/v1/commercial", CreditReportTests.Commercial(9_100_001)) })
            {
                await app.SendJsonTextAsync(HttpMethod.Post, path, body, user.Bearer);
                await app.SendJsonTextAsync(HttpMethod.Post, path, "{}", user.Bearer);
                await app.SendJsonTextAsync(HttpMethod.Post, path, body);
                await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id={broke.Id}", body, broke.Admin.Bearer);
                await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id={broke.Id}", body, user.Bearer);
                await app.SendJsonTextAsync(HttpMethod.Post, path.Replace("/v1/", "/v2/", StringComparison.Ordinal), body, user.Bearer);
                await app.SendJsonTextAsync(HttpMethod.Post, path, tooLarge, user.Bearer);
                await app.SendAsync(HttpMethod.Post, path, new StringContent("<a/>", Encoding.UTF8, "application/xml"), user.Bearer);
            }
            await app.SendJsonTextAsync(HttpMethod.Post, "/credit/v1/commercial", CreditReportTests.Commercial(1), user.Bearer);
        }
        finally
        {
            app.StopMetering();
        }
    }
}
