using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Infrastructure;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.Xero;

/// <summary>Calls of the Xero operations as the tests make them: reports, connect (its 302 read, not followed) and the callback.</summary>
internal static class XeroSeed
{
    public static readonly string[] Reports = ["executive_summary", "profit_and_loss", "balance_sheet", "trial_balance"];

    public static Task<HttpResponseMessage> ReportAsync(this RaytioFactory app, string report, Guid? org, string? bearer, string query = "") =>
        app.GetAsync($"/xero/v1/reports/{report}?{(org is { } id ? $"org_id={id}&" : "")}{query}", bearer);

    public static async Task<HttpResponseMessage> ConnectAsync(this RaytioFactory app, Guid org, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/xero/v1/connect?org_id={org}");
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        return await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(request);
    }

    /// <summary>The consent page connect sends the administrator to.</summary>
    public static async Task<Uri> ConsentPageAsync(this RaytioFactory app, TestOrg org)
    {
        var started = await app.ConnectAsync(org.Id, org.Admin.Bearer);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!;
    }

    /// <summary>The browser arriving back at the callback (no bearer: it is a redirect from Xero).</summary>
    public static Task<HttpResponseMessage> CallbackAsync(this RaytioFactory app, Uri callback) => app.GetAsync(callback.PathAndQuery);

    /// <summary>Prices xero_report at 2 credits for this host (keeping any catalogue another drive set up); returns how to put things back.</summary>
    public static async Task<Action> MeterXeroReportsAsync(this RaytioFactory app)
    {
        var options = app.Services.GetRequiredService<IOptions<MeteringOptions>>().Value;
        var before = options.CatalogueOrganizationId;
        options.CatalogueOrganizationId = (await app.CatalogueAsync(("default", MeteredChecks.XeroReport, "2"))).Id;
        return () => options.CatalogueOrganizationId = before;
    }
}
