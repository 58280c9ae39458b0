using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Tests.Billing;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.OutsideChecks;

/// <summary>Metering switched on for a host (a catalogue pricing the outside checks), organisations with and without credit, and the audit events of a check.</summary>
internal static class OutsideCheckSeed
{
    public static readonly string[] Checks =
    [
        MeteredChecks.NzbnSearch, MeteredChecks.NzbnEntity, MeteredChecks.NzbnOwnership, MeteredChecks.CreditReportConsumer, MeteredChecks.CreditReportCommercial,
        MeteredChecks.FaceCompare,
        MeteredChecks.DriverLicence,
        MeteredChecks.OtpSend, MeteredChecks.OtpCheck,
    ];

    /// <summary>Prices every outside check at 2 credits and makes this host meter from that catalogue (the host's meter settings are changed in place).</summary>
    public static async Task StartMeteringAsync(this RaytioFactory app)
    {
        var options = app.Services.GetRequiredService<IOptions<MeteringOptions>>().Value;
        if (options.CatalogueOrganizationId is not null)
        {
            return;
        }
        var catalogue = await app.CatalogueAsync([.. Checks.Select(check => ("default", check, "2"))]);
        options.CatalogueOrganizationId = catalogue.Id;
    }

    /// <summary>Turns metering off again (for a shared host whose other drives expect it off).</summary>
    public static void StopMetering(this RaytioFactory app) =>
        app.Services.GetRequiredService<IOptions<MeteringOptions>>().Value.CatalogueOrganizationId = null;

    /// <summary>An organisation holding 100 credits (a paid credit bundle).</summary>
    public static async Task<TestOrg> FundedOrgAsync(this RaytioFactory app)
    {
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits100, 1));
        return org;
    }

    /// <summary>The details of the caller's audit events of one type, oldest first.</summary>
    public static Task<List<JsonElement>> AuditOfAsync(this RaytioFactory app, Guid caller, string eventType) =>
        app.WithDbAsync(async db => (await db.AuditEvents.Where(e => e.UserId == caller && e.EventType == eventType).OrderBy(e => e.Id).Select(e => e.EventJson).ToListAsync())
            .Select(json => JsonDocument.Parse(json).RootElement).ToList());
}
