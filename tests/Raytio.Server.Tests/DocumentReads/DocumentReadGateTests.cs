using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Clarity.Tests.Documents;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.DocumentReads;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Clarity;
using Raytio.Server.Tests.ExtractVerify;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Mrz;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.DocumentReads;

/// <summary>
/// The one bound on document reads at once (101, 102, 103 and the MRZ operation): beyond it a
/// request waits its queue timeout, then 503 with Retry-After, before anything is charged.
/// </summary>
public sealed class DocumentReadGateTests(DocumentReadGateTests.OneSlotFactory app) : IClassFixture<DocumentReadGateTests.OneSlotFactory>
{
    [Fact]
    public async Task Every_document_read_is_refused_while_the_slot_is_taken_and_nothing_is_charged()
    {
        var org = await CreditedOrganizationAsync();
        var licence = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(4), Distortion.None).Jpeg;
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = app.Services.GetRequiredService<DocumentReadGate>().RunAsync(() => release.Task, CancellationToken.None);

        var refused = new[]
        {
            await app.ExtractAsync(ClarityUploads.ExtractBody(licence, ClarityUploads.LicenceModel, org.Id.ToString()), org.Admin.Bearer),
            await app.PostJsonAsync("/extract_verify/v1/extract",
                new { form_data = new[] { Convert.ToBase64String(licence) }, schema_name = ExtractVerifyClient.Licence, org_id = org.Id }, org.Admin.Bearer),
            await app.TrainAsync(ClarityUploads.TrainBody(DocumentKind.NzDriverLicence, licence), org.Admin.Bearer),
            await app.PostAsync(MrzUploads.Body(MrzUploads.Blank(), "image/png"), org.Admin.Bearer),
        };
        release.SetResult(0);
        await holding;

        foreach (var response in refused)
        {
            await response.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "server_busy");
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        }
        Assert.Equal(100m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task A_read_is_served_once_the_slot_frees()
    {
        var org = await CreditedOrganizationAsync();

        var served = await app.ExtractAsync(ClarityUploads.ExtractBody(MrzUploads.Blank(), ClarityUploads.LicenceModel, org.Id.ToString()), org.Admin.Bearer);

        await served.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "anchors_not_found");
        Assert.Equal(100m - 1m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task A_waiting_read_takes_the_slot_freed_within_its_queue_timeout()
    {
        var user = await GraphUser.CreateAsync(app);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = app.Services.GetRequiredService<DocumentReadGate>().RunAsync(() => release.Task, CancellationToken.None);

        var waiting = app.PostAsync(MrzUploads.Body(MrzUploads.Blank(), "image/png"), user.Bearer);
        await Task.Delay(100);
        release.SetResult(0);
        await holding;

        await (await waiting).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "mrz_not_found");
    }

    [Fact]
    public void Defaults_to_one_read_per_processor()
    {
        Assert.Equal(Environment.ProcessorCount, new DocumentReadOptions().MaxConcurrentReads);
    }

    /// <summary>An organisation with 100 credits, on a catalogue pricing both metered document checks at 1.</summary>
    private async Task<Organizations.Org> CreditedOrganizationAsync()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.DocumentOcr, "1"), ("default", MeteredChecks.DocumentExtract, "1"));
        app.Services.GetRequiredService<IOptions<MeteringOptions>>().Value.CatalogueOrganizationId = catalogue.Id;
        return await app.FundedOrgAsync();
    }

    /// <summary>One read at a time, a queue timeout long enough for a release within it and short for a refusal.</summary>
    public sealed class OneSlotFactory : RaytioFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:DocumentReads:MaxConcurrentReads", "1"),
            new("Raytio:DocumentReads:QueueTimeout", "00:00:01"),
        ];
    }
}
