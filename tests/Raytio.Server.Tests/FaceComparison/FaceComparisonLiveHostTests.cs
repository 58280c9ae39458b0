using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Rekognition.Live;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.OutsideChecks;
using static Raytio.Server.Tests.FaceComparison.FaceRequests;

namespace Raytio.Server.Tests.FaceComparison;

/// <summary>The server with Raytio:Rekognition:Provider = Live against a fake Rekognition: answers pass through, refusals are 400s, failures 502s that refund.</summary>
public sealed class FaceComparisonLiveHostTests(FaceComparisonLiveHostTests.LiveRekognitionFactory app) : IClassFixture<FaceComparisonLiveHostTests.LiveRekognitionFactory>
{
    [Fact]
    public async Task Rekognition_s_answer_is_passed_on_in_its_shape()
    {
        var user = await GraphUser.CreateAsync(app);
        app.Rekognition.Answer(HttpStatusCode.OK, FakeRekognition.OfficialExample);

        var answer = await (await app.SendJsonTextAsync(HttpMethod.Post, ComparePath, Body("aroha-front.png", "group.png"), user.Bearer)).AssertOkAsync();

        Assert.Empty(app.Rekognition.Refusals);
        Assert.Equal(100f, Assert.Single(answer.GetProperty("FaceMatches").EnumerateArray()).GetProperty("Similarity").GetSingle());
        Assert.Equal(0.25f, answer.GetProperty("SourceImageFace").GetProperty("BoundingBox").GetProperty("Width").GetSingle());
        Assert.Equal(FakeRekognition.RequestId, answer.GetProperty("ResponseMetaData").GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task Rekognition_s_invalid_parameter_is_a_charged_400_and_a_failure_is_a_refunded_502_naming_it()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        var path = $"{ComparePath}?org_id={org.Id}";

        app.Rekognition.Answer(HttpStatusCode.BadRequest, """{"__type":"InvalidParameterException","message":"VENDOR-DETAIL"}""");
        var refused = await (await app.SendJsonTextAsync(HttpMethod.Post, path, Body("landscape.png", "group.png"), org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        app.Rekognition.Answer(HttpStatusCode.InternalServerError, """{"__type":"InternalServerError","message":"VENDOR-DETAIL"}""");
        var failed = await (await app.SendJsonTextAsync(HttpMethod.Post, path, Body("aroha-front.png", "group.png"), org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");

        Assert.DoesNotContain("VENDOR", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("Rekognition (live)", failed.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("VENDOR", failed.ToString(), StringComparison.Ordinal);
        Assert.Equal(98m, await app.CreditsAsync(org));
        var audited = await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.FaceCompare);
        Assert.Equal(["invalid_parameter", "provider_failed"], audited.Select(a => a.GetProperty("outcome").GetString()));
        Assert.Equal((true, "answered 500"), (audited[1].GetProperty("refunded").GetBoolean(), audited[1].GetProperty("reason").GetString()));
    }

    /// <summary>Live Rekognition in ap-southeast-2 with test credentials, its HTTP client ending at <see cref="Rekognition"/>.</summary>
    public sealed class LiveRekognitionFactory : RaytioFactory
    {
        public FakeRekognition Rekognition { get; } = new(new AwsCredentials("AKIDHOSTTEST", "host-test-secret"), "ap-southeast-2");

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Rekognition:Provider", "Live"),
            new("Raytio:Rekognition:Live:Region", "ap-southeast-2"),
            new("Raytio:Rekognition:Live:AccessKeyId", "AKIDHOSTTEST"),
            new("Raytio:Rekognition:Live:SecretAccessKey", "host-test-secret"),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddHttpClient(RekognitionLiveComparer.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Rekognition));
        }
    }
}
