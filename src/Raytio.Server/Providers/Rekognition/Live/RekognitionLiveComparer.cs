using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Rekognition.Live;

/// <summary>
/// AWS Rekognition CompareFaces over the JSON 1.1 protocol (botocore model rekognition-2016-06-27):
/// `POST /` to the region's endpoint with `X-Amz-Target: RekognitionService.CompareFaces`,
/// `Content-Type: application/x-amz-json-1.1`, the images as base64 `Bytes`, signed with SigV4
/// (service `rekognition`). Rekognition's client errors about the images are answers (rejections);
/// throttling, refused credentials, 5xx, timeouts and unreadable bodies are
/// <see cref="ProviderFailedException"/>s. The vendor's messages are never passed on.
/// </summary>
public sealed class RekognitionLiveComparer(IHttpClientFactory clients, IOptions<RekognitionOptions> options, TimeProvider time) : IFaceComparer
{
    public const string HttpClientName = "rekognition";
    public const string Target = "RekognitionService.CompareFaces";
    public const string ContentType = "application/x-amz-json-1.1";
    public const string SigningService = "rekognition";

    public string Name => "Rekognition (live)";

    public async Task<FaceComparisonOutcome> CompareAsync(FaceComparisonRequest request, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(RequestBody(request).ToJsonString());
        using var message = Signed(body);
        using var response = await ProviderHttp.SendAsync(clients.CreateClient(HttpClientName), message, Name, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return Refusal(response.StatusCode, text);
        }
        var answer = Read(text);
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.First() : "";
        return FaceComparisonOutcome.Of(answer with { ResponseMetaData = new FaceComparisonMetaData(requestId, (int)response.StatusCode, 0) });
    }

    private static JsonObject RequestBody(FaceComparisonRequest request) => new()
    {
        ["SourceImage"] = new JsonObject { ["Bytes"] = Convert.ToBase64String(request.SourceImage) },
        ["TargetImage"] = new JsonObject { ["Bytes"] = Convert.ToBase64String(request.TargetImage) },
        ["SimilarityThreshold"] = request.SimilarityThreshold,
        ["QualityFilter"] = request.QualityFilter.ToString(),
    };

    private HttpRequestMessage Signed(byte[] body)
    {
        var settings = options.Value.Live;
        var endpoint = RekognitionEndpoint.Resolve(settings);
        var credentials = new AwsCredentials(settings.AccessKeyId!, settings.SecretAccessKey!, string.IsNullOrEmpty(settings.SessionToken) ? null : settings.SessionToken);
        var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", ContentType),
            new("Host", endpoint.IsDefaultPort ? endpoint.Host : endpoint.Authority),
            new("X-Amz-Date", AwsSigV4.AmzDate(time.GetUtcNow())),
            new("X-Amz-Target", Target),
        };
        if (credentials.SessionToken is { } token)
        {
            headers.Add(new("X-Amz-Security-Token", token));
        }
        var signature = AwsSigV4.Sign(new AwsSigV4Request("POST", endpoint.AbsolutePath, endpoint.Query, headers, body), credentials, settings.Region, SigningService);
        foreach (var (name, value) in headers.Where(h => h.Key is not ("Content-Type" or "Host")))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return message;
    }

    /// <summary>A 4xx or 5xx: Rekognition's own verdicts on the images are rejections; the rest is a failure of the provider.</summary>
    private FaceComparisonOutcome Refusal(HttpStatusCode status, string body)
    {
        var type = ErrorType(body);
        return type switch
        {
            "InvalidParameterException" => FaceComparisonOutcome.Rejected(FaceComparisonRejectionKind.InvalidParameter, null,
                "Rekognition found the images unusable: no face was detected in the source image, or an image is too small."),
            "ImageTooLargeException" => FaceComparisonOutcome.Rejected(FaceComparisonRejectionKind.ImageTooLarge, null,
                "Rekognition found an image too large (size or resolution)."),
            "InvalidImageFormatException" => FaceComparisonOutcome.Rejected(FaceComparisonRejectionKind.InvalidImageFormat, null,
                "Rekognition could not read an image as JPEG or PNG."),
            "ThrottlingException" or "ProvisionedThroughputExceededException" or "LimitExceededException" => throw new ProviderFailedException(Name, "kept refusing calls as too many (throttled)"),
            "AccessDeniedException" or "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException"
                or "IncompleteSignature" or "MissingAuthenticationToken" or "InvalidClientTokenId" => throw new ProviderFailedException(Name, "refused the configured credentials"),
            _ => throw ProviderHttp.Unexpected(Name, status),
        };
    }

    /// <summary>`__type` of an awsJson1.1 error body, without its `namespace#` prefix; empty when the body has none.</summary>
    private static string ErrorType(string body)
    {
        try
        {
            var type = JsonNode.Parse(body) is JsonObject error && error["__type"] is JsonValue value && value.TryGetValue<string>(out var named) ? named : "";
            return type[(type.LastIndexOf('#') + 1)..];
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private FaceComparison Read(string text)
    {
        CompareFacesResponse? wire;
        try
        {
            wire = JsonSerializer.Deserialize<CompareFacesResponse>(text, RekognitionJson.Options);
        }
        catch (JsonException malformed)
        {
            throw Unreadable(malformed);
        }
        if (wire?.SourceImageFace?.BoundingBox is null)
        {
            throw Unreadable();
        }
        return new FaceComparison(wire.SourceImageFace, wire.FaceMatches ?? [], wire.UnmatchedFaces ?? [], wire.SourceImageOrientationCorrection, wire.TargetImageOrientationCorrection);
    }

    private ProviderFailedException Unreadable(Exception? inner = null) => new(Name, "answered with a body that is not Rekognition's", inner);

    /// <summary>CompareFacesResponse as the wire has it: every member optional.</summary>
    private sealed record CompareFacesResponse(
        ComparedSourceImageFace? SourceImageFace,
        IReadOnlyList<CompareFacesMatch>? FaceMatches,
        IReadOnlyList<ComparedFace>? UnmatchedFaces,
        string? SourceImageOrientationCorrection,
        string? TargetImageOrientationCorrection);
}
