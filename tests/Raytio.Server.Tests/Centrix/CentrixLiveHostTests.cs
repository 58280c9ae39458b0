using System.Net;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Credit;
using Raytio.Server.Tests.DriverLicence;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.OutsideChecks;
using static Raytio.Server.Tests.Centrix.CentrixAnswers;

namespace Raytio.Server.Tests.Centrix;

/// <summary>The server with Raytio:Centrix:Provider = Live against the fake Centrix: operations 98-100 answer through it, failures are 502s naming Centrix that refund the charge.</summary>
public sealed class CentrixLiveHostTests(CentrixLiveHostTests.LiveCentrixFactory app) : IClassFixture<CentrixLiveHostTests.LiveCentrixFactory>
{
    [Fact]
    public async Task The_driver_licence_check_and_the_reports_answer_through_centrix_in_the_reference_shapes()
    {
        var user = await GraphUser.CreateAsync(app);
        app.Centrix.Result("GetCreditReportProducts", LicenceVerdict("true", "false", "DL-77"))
            .Result("GetCreditReportProducts", ConsumerReport())
            .Result("GetCommercialCreditReport", CommercialReport());

        var licence = await (await app.SendJsonTextAsync(HttpMethod.Post, DriverLicenceCheckTests.Path, DriverLicenceCheckTests.Body(), user.Bearer)).AssertOkAsync();
        var consumer = await (await app.SendJsonTextAsync(HttpMethod.Post, "/credit/v1/consumer", CreditReportTests.Consumer("MICHAEL", "TESTDEFAULT", "1979-11-03"), user.Bearer)).AssertOkAsync();
        var commercial = await (await app.SendJsonTextAsync(HttpMethod.Post, "/credit/v1/commercial", CreditReportTests.Commercial(9_100_001), user.Bearer)).AssertOkAsync();

        Assert.Equal(("DL-77", false), (licence.GetProperty("reportingReference").GetString(), licence.GetProperty("safeHarbour").GetBoolean()));
        var result = licence.GetProperty("driversLicence")[0];
        Assert.Equal(("Unmatched: firstName, middleName, lastName, dateOfBirth", "Yes"), (result.GetProperty("statusMessage").GetString(), result.GetProperty("fields").GetProperty("licenceNo").GetString()));
        Assert.Equal(642.15m, consumer.GetProperty("DataSets").GetProperty("Defaults")[0].GetProperty("CurrentDefaultBalance").GetDecimal());
        Assert.Equal("CX-881", consumer.GetProperty("ResponseDetails").GetProperty("EnquiryNumber").GetString());
        Assert.Equal("KOWHAI TEST HOLDINGS LIMITED", commercial.GetProperty("CompanyDetails").GetProperty("Company").GetProperty("CompanyName").GetString());
        Assert.All(app.Centrix.Requests, request => Assert.Null(request.Problem()));
    }

    [Fact]
    public async Task A_failing_centrix_is_a_502_naming_it_and_the_charges_are_refunded_and_audited()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        app.Centrix.Answer(HttpStatusCode.ServiceUnavailable, "<html>VENDOR-INTERNAL-DETAIL</html>");

        foreach (var (path, body) in new[]
        {
            (DriverLicenceCheckTests.Path, DriverLicenceCheckTests.Body()),
            ("/credit/v1/consumer", CreditReportTests.Consumer("MICHAEL", "TESTDEFAULT", "1979-11-03")),
            ("/credit/v1/commercial", CreditReportTests.Commercial(9_100_001)),
        })
        {
            var error = await (await app.SendJsonTextAsync(HttpMethod.Post, $"{path}?org_id={org.Id}", body, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");
            Assert.Contains("Centrix", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("VENDOR", error.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(100m, await app.CreditsAsync(org));
        foreach (var eventType in new[] { AuditEventTypes.DriverLicenceCheck, AuditEventTypes.CreditReportConsumer, AuditEventTypes.CreditReportCommercial })
        {
            var failed = Assert.Single(await app.AuditOfAsync(org.Admin.Id, eventType));
            Assert.Equal(("provider_failed", true, "answered 503"), (failed.GetProperty("outcome").GetString(), failed.GetProperty("refunded").GetBoolean(), failed.GetProperty("reason").GetString()));
        }
    }

    /// <summary>Live Centrix against the fake on loopback, with no resends (the host's clock is a fake one, which their waits would follow).</summary>
    public sealed class LiveCentrixFactory : RaytioFactory
    {
        public FakeCentrix Centrix { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Centrix:Provider", "Live"),
            new("Raytio:Centrix:Live:BaseUrl", Centrix.BaseUrl.ToString()),
            new("Raytio:Centrix:Live:Username", FakeCentrix.Username),
            new("Raytio:Centrix:Live:Password", FakeCentrix.Password),
            new("Raytio:Centrix:Live:SubscriberId", FakeCentrix.SubscriberId),
            new("Raytio:Centrix:Live:UserId", FakeCentrix.UserId),
            new("Raytio:Centrix:Live:UserKey", FakeCentrix.UserKey),
            new("Raytio:Centrix:Live:MaxRetries", "0"),
        ];

        protected override Task StartDependenciesAsync() => Centrix.StartAsync();

        protected override async Task StopDependenciesAsync() => await Centrix.DisposeAsync();
    }
}
