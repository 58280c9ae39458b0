using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Tests.Billing;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Mrz;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.Clarity;

/// <summary>
/// Operation 101 for an organisation (`org_id`): metered as `document_ocr` once the request is
/// checked, 402 `insufficient_credit` when the organisation has no credit (nothing charged), and a
/// page without the anchors is a completed check that stays charged.
/// </summary>
public sealed class ClarityMeteringTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string Price = "3";

    [Fact]
    public async Task An_organisation_without_credit_is_402_insufficient_credit_and_nothing_is_charged()
    {
        await CatalogueAsync();
        var org = await app.CreateOrgAsync();

        var body = ClarityUploads.ExtractBody(MrzUploads.Blank(), ClarityUploads.LicenceModel, org.Id.ToString());
        var error = await (await app.ExtractAsync(body, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.PaymentRequired, "insufficient_credit");

        Assert.Contains("credit", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await app.WithDbAsync(db => db.BillingCreditEntries.CountAsync(e => e.OrganizationId == org.Id && e.Check == MeteredChecks.DocumentOcr)));
    }

    [Fact]
    public async Task A_credited_organisation_pays_once_per_image_also_when_the_anchors_are_not_on_it()
    {
        await CatalogueAsync();
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits100, 1));

        var body = ClarityUploads.ExtractBody(MrzUploads.Blank(), ClarityUploads.LicenceModel, org.Id.ToString());
        await (await app.ExtractAsync(body, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "anchors_not_found");

        Assert.Equal(100m - 3m, await app.CreditsAsync(org));
    }

    /// <summary>A catalogue pricing `document_ocr`, set as the meter's (this host's own options).</summary>
    private async Task CatalogueAsync()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.DocumentOcr, Price));
        app.Services.GetRequiredService<IOptions<MeteringOptions>>().Value.CatalogueOrganizationId = catalogue.Id;
    }
}
