using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.Xero;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>
/// Drives every outcome of the Xero operations (115-118) and the connect / callback additions
/// on the Sandbox for <see cref="DeclaredStatusTests"/>. Their 409s (not connected, revoked, no
/// organisation in the grant) and 502s need Live Xero (XeroLiveHostTests), so they are listed as
/// declared but not driven there.
/// </summary>
internal static class XeroStatusDrives
{
    public static readonly (string Operation, int Status)[] LiveOnly =
    [
        ("xero-callback", 409), ("xero-callback", 502),
        ("get-xero-executive-summary", 409), ("get-xero-executive-summary", 502), ("get-xero-profit-and-loss", 409), ("get-xero-profit-and-loss", 502),
        ("get-xero-balance-sheet", 409), ("get-xero-balance-sheet", 502), ("get-xero-trial-balance", 409), ("get-xero-trial-balance", 502),
    ];

    public static async Task DriveXeroAsync(this RaytioFactory app)
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var stranger = await GraphUser.CreateAsync(app);

        // connect: 302 (followed here to the Sandbox's callback: 200), 400, 401, 403, 404.
        await app.GetAsync($"/xero/v1/connect?org_id={org.Id}", org.Admin.Bearer);
        await app.GetAsync("/xero/v1/connect", org.Admin.Bearer);
        await app.GetAsync($"/xero/v1/connect?org_id={org.Id}");
        await app.GetAsync($"/xero/v1/connect?org_id={org.Id}", member.Bearer);
        await app.GetAsync($"/xero/v1/connect?org_id={org.Id}", stranger.Bearer);
        await app.GetAsync($"/xero/v2/connect?org_id={org.Id}", org.Admin.Bearer);

        // callback: 400, and 403 for an administrator demoted before completing it.
        await app.GetAsync("/xero/v1/callback?code=x");
        var demoted = await app.NewMemberAsync(org, OrganizationRole.Admin);
        var started = await app.ConnectAsync(org.Id, demoted.Bearer);
        await app.WithDbAsync(db => db.OrganizationMembers.Where(m => m.OrganizationId == org.Id && m.UserId == demoted.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, OrganizationRole.Member)));
        await app.CallbackAsync(started.Headers.Location!);
        await app.GetAsync("/xero/v2/callback?code=x&state=y");

        foreach (var report in XeroSeed.Reports)
        {
            await app.ReportAsync(report, org.Id, member.Bearer);
        }
        var restore = await app.MeterXeroReportsAsync();
        try
        {
            var broke = await app.CreateOrgAsync();
            foreach (var report in XeroSeed.Reports)
            {
                await app.ReportAsync(report, null, member.Bearer);
                await app.ReportAsync(report, org.Id, null);
                await app.ReportAsync(report, org.Id, stranger.Bearer);
                await app.ReportAsync(report, broke.Id, broke.Admin.Bearer);
                await app.GetAsync($"/xero/v2/reports/{report}?org_id={org.Id}", member.Bearer);
            }
        }
        finally
        {
            restore();
        }
    }
}
