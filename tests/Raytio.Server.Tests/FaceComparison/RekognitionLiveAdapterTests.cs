using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Rekognition;
using Raytio.Server.Providers.Rekognition.Live;
using Raytio.Server.Providers.Rekognition.Sandbox;

namespace Raytio.Server.Tests.FaceComparison;

/// <summary>The Rekognition CompareFaces adapter against a fake that checks its signature: the request, the mapping, the refusals and the resilience.</summary>
public sealed class RekognitionLiveAdapterTests
{
    private const string Region = "ap-southeast-2";
    private static readonly AwsCredentials Credentials = new("AKIDTESTREKOGNITION", "test/secret+key/for/the/fake");
    private static readonly SandboxFaceSet Faces = new();
    private static readonly byte[] Source = Faces.Image("aroha-front.png").Bytes;
    private static readonly byte[] Target = Faces.Image("group.png").Bytes;

    [Fact]
    public async Task A_comparison_is_a_signed_json_1_1_call_and_the_official_example_maps_to_the_answer()
    {
        var (comparer, rekognition) = Live();

        var outcome = await comparer.CompareAsync(new FaceComparisonRequest(Source, Target, 90, QualityFilter.HIGH), CancellationToken.None);

        Assert.Empty(rekognition.Refusals);
        var (request, body) = Assert.Single(rekognition.Received);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://rekognition.ap-southeast-2.amazonaws.com/", request.RequestUri!.ToString());
        Assert.Equal("RekognitionService.CompareFaces", Assert.Single(request.Headers.GetValues("X-Amz-Target")));
        Assert.Equal("application/x-amz-json-1.1", request.Content!.Headers.ContentType!.ToString());
        Assert.Equal("20261128T034500Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTESTREKOGNITION/20261128/ap-southeast-2/rekognition/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, ",
            Assert.Single(request.Headers.GetValues("Authorization")), StringComparison.Ordinal);
        Assert.False(request.Headers.Contains("X-Amz-Security-Token"));
        var sent = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(Convert.ToBase64String(Source), sent["SourceImage"]!["Bytes"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(Target), sent["TargetImage"]!["Bytes"]!.GetValue<string>());
        Assert.Equal((90f, "HIGH"), (sent["SimilarityThreshold"]!.GetValue<float>(), sent["QualityFilter"]!.GetValue<string>()));

        var answer = outcome.Answer!;
        var match = Assert.Single(answer.FaceMatches);
        Assert.Equal(100f, match.Similarity);
        Assert.Equal(new BoundingBox(0.25f, 0.33481481671333313f, 0.31888890266418457f, 0.4933333396911621f), match.Face!.BoundingBox);
        Assert.Equal(99.9991226196289f, answer.SourceImageFace!.Confidence);
        Assert.Empty(answer.UnmatchedFaces);
        Assert.Equal(new FaceComparisonMetaData(FakeRekognition.RequestId, 200, 0), answer.ResponseMetaData);
    }

    [Fact]
    public async Task Temporary_credentials_send_and_sign_the_session_token()
    {
        var (comparer, rekognition) = Live(live => live.SessionToken = "session-token-value");

        await comparer.CompareAsync(new FaceComparisonRequest(Source, Target, 80, QualityFilter.NONE), CancellationToken.None);

        Assert.Empty(rekognition.Refusals);
        var (request, _) = Assert.Single(rekognition.Received);
        Assert.Equal("session-token-value", Assert.Single(request.Headers.GetValues("X-Amz-Security-Token")));
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,", Assert.Single(request.Headers.GetValues("Authorization")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_by_the_fake_and_is_a_provider_failure()
    {
        var (comparer, rekognition) = Live(live => live.SecretAccessKey = "not-the-secret");

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => comparer.CompareAsync(new FaceComparisonRequest(Source, Target, 80, QualityFilter.NONE), CancellationToken.None));

        Assert.Equal(["InvalidSignatureException"], rekognition.Refusals);
        Assert.Equal(("Rekognition (live)", "refused the configured credentials"), (failure.Provider, failure.Reason));
        Assert.DoesNotContain("calculated", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("InvalidParameterException", FaceComparisonRejectionKind.InvalidParameter)]
    [InlineData("ImageTooLargeException", FaceComparisonRejectionKind.ImageTooLarge)]
    [InlineData("com.amazonaws.rekognition#InvalidImageFormatException", FaceComparisonRejectionKind.InvalidImageFormat)]
    public async Task Rekognition_s_verdicts_on_the_images_are_rejections_in_our_words(string type, FaceComparisonRejectionKind kind)
    {
        var (comparer, rekognition) = Live();
        rekognition.Answer(HttpStatusCode.BadRequest, $$"""{"__type":"{{type}}","Message":"VENDOR-DETAIL"}""");

        var outcome = await comparer.CompareAsync(new FaceComparisonRequest(Source, Target, 80, QualityFilter.NONE), CancellationToken.None);

        Assert.Null(outcome.Answer);
        Assert.Equal(kind, outcome.Rejection!.Kind);
        Assert.DoesNotContain("VENDOR", outcome.Rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"VENDOR"}""", "kept refusing calls as too many (throttled)")]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"ProvisionedThroughputExceededException"}""", "kept refusing calls as too many (throttled)")]
    [InlineData(HttpStatusCode.TooManyRequests, "slow down", "kept refusing calls as too many (429)")]
    [InlineData(HttpStatusCode.InternalServerError, """{"__type":"InternalServerError","message":"VENDOR"}""", "answered 500")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "<html>VENDOR</html>", "answered 503")]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"AccessDeniedException"}""", "refused the configured credentials")]
    [InlineData(HttpStatusCode.BadRequest, """{"__type":"InvalidS3ObjectException"}""", "answered 400")]
    public async Task Throttling_refused_credentials_and_server_errors_are_failures_and_a_POST_is_not_retried(HttpStatusCode status, string body, string reason)
    {
        var (comparer, rekognition) = Live();
        rekognition.Answer(status, body);

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => comparer.CompareAsync(new FaceComparisonRequest(Source, Target, 80, QualityFilter.NONE), CancellationToken.None));

        Assert.Equal(reason, failure.Reason);
        Assert.DoesNotContain("VENDOR", failure.Message, StringComparison.Ordinal);
        Assert.Single(rekognition.Received);
    }

    [Fact]
    public async Task A_call_that_takes_too_long_fails_as_a_timeout()
    {
        var (comparer, rekognition) = Live();
        rekognition.Hang(TimeSpan.FromSeconds(5));

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => comparer.CompareAsync(new FaceComparisonRequest(Source, Target, 80, QualityFilter.NONE), CancellationToken.None));

        Assert.Equal("did not answer in time", failure.Reason);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    [InlineData("""{"SourceImageFace":{"Confidence":99}}""")]
    [InlineData("""{"SourceImageFace":{"BoundingBox":{"Width":"wide"}}}""")]
    public async Task A_malformed_answer_fails_as_unreadable(string body)
    {
        var (comparer, rekognition) = Live();
        rekognition.Answer(HttpStatusCode.OK, body);

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => comparer.CompareAsync(new FaceComparisonRequest(Source, Target, 80, QualityFilter.NONE), CancellationToken.None));

        Assert.Equal("answered with a body that is not Rekognition's", failure.Reason);
    }

    [Theory]
    [InlineData("us-east-1", false, false, "https://rekognition.us-east-1.amazonaws.com/")]
    [InlineData("ap-southeast-2", true, false, "https://rekognition-fips.ap-southeast-2.amazonaws.com/")]
    [InlineData("eu-west-1", false, true, "https://rekognition.eu-west-1.api.aws/")]
    [InlineData("us-gov-west-1", true, true, "https://rekognition-fips.us-gov-west-1.api.aws/")]
    [InlineData("cn-north-1", false, false, "https://rekognition.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", false, true, "https://rekognition.cn-northwest-1.api.amazonwebservices.com.cn/")]
    public void The_endpoint_follows_the_rule_set(string region, bool fips, bool dualStack, string expected)
    {
        Assert.Equal(expected, RekognitionEndpoint.Resolve(new RekognitionLiveOptions { Region = region, UseFips = fips, UseDualStack = dualStack }).ToString());
        Assert.Equal("https://vpce.example.test/", RekognitionEndpoint.Resolve(new RekognitionLiveOptions { Region = region, Endpoint = new Uri("https://vpce.example.test/") }).ToString());
    }

    [Fact]
    public void Live_settings_need_credentials_a_region_name_and_no_variant_with_a_custom_endpoint()
    {
        static IEnumerable<string> Faults(Action<RekognitionLiveOptions> tune)
        {
            var options = new RekognitionOptions { Provider = RekognitionProviderKind.Live, Live = new RekognitionLiveOptions { AccessKeyId = "a", SecretAccessKey = "b" } };
            tune(options.Live);
            return options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).SelectMany(r => r.MemberNames);
        }

        Assert.Empty(Faults(_ => { }));
        Assert.Contains("Live.SecretAccessKey", Faults(live => live.SecretAccessKey = null));
        Assert.Contains("Live.Region", Faults(live => live.Region = "Sydney"));
        Assert.Contains("Live.Endpoint", Faults(live => (live.Endpoint, live.UseFips) = (new Uri("https://vpce.example.test/"), true)));
        Assert.Empty(new RekognitionOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new RekognitionOptions())));
    }

    private static (RekognitionLiveComparer Comparer, FakeRekognition Rekognition) Live(Action<RekognitionLiveOptions>? tune = null)
    {
        var rekognition = new FakeRekognition(Credentials, Region);
        var options = new RekognitionOptions
        {
            Provider = RekognitionProviderKind.Live,
            Live = new RekognitionLiveOptions
            {
                Region = Region,
                AccessKeyId = Credentials.AccessKeyId,
                SecretAccessKey = Credentials.SecretAccessKey,
                AttemptTimeout = TimeSpan.FromMilliseconds(200),
                TotalTimeout = TimeSpan.FromSeconds(10),
                RetryDelay = TimeSpan.FromMilliseconds(10),
                MaxRetries = 2,
            },
        };
        tune?.Invoke(options.Live);
        var services = new ServiceCollection().AddLogging().AddSingleton(Options.Create(options));
        services.AddProviderHttpClient(RekognitionLiveComparer.HttpClientName, provider => provider.GetRequiredService<IOptions<RekognitionOptions>>().Value.Live)
            .ConfigurePrimaryHttpMessageHandler(() => rekognition);
        // The signing clock is a fixed one; the resilience pipeline keeps the real clock its timeouts need.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 3, 45, 0, TimeSpan.Zero));
        var provider = services.BuildServiceProvider();
        return (new RekognitionLiveComparer(provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<IOptions<RekognitionOptions>>(), clock), rekognition);
    }
}
