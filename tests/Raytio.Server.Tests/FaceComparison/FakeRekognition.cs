using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Tests.FaceComparison;

/// <summary>
/// Rekognition's CompareFaces endpoint in process (the Live adapter's primary handler). It checks
/// what AWS checks before answering: the JSON 1.1 target and content type, and the SigV4
/// signature, recomputed from the request as it arrived (host, signed headers, body) with the
/// credentials it knows. A request that fails a check gets AWS's error; one that passes gets
/// the next scripted answer (the last repeats), by default the official CompareFaces example.
/// </summary>
public sealed partial class FakeRekognition(AwsCredentials credentials, string region) : HttpMessageHandler
{
    /// <summary>The output of botocore's CompareFaces example (examples-1.json, "To compare two images").</summary>
    public const string OfficialExample = """
        {"FaceMatches":[{"Face":{"BoundingBox":{"Height":0.33481481671333313,"Left":0.31888890266418457,"Top":0.4933333396911621,"Width":0.25},"Confidence":99.9991226196289},"Similarity":100}],
         "SourceImageFace":{"BoundingBox":{"Height":0.33481481671333313,"Left":0.31888890266418457,"Top":0.4933333396911621,"Width":0.25},"Confidence":99.9991226196289}}
        """;

    public const string RequestId = "9737074f-9194-4a41-a2fb-6a01ae3658d2";

    private readonly ConcurrentQueue<Func<CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private Func<CancellationToken, Task<HttpResponseMessage>>? _last;

    public ConcurrentQueue<(HttpRequestMessage Request, string Body)> Received { get; } = new();

    public ConcurrentQueue<string> Refusals { get; } = new();

    public FakeRekognition Answer(HttpStatusCode status, string body, string mediaType = "application/x-amz-json-1.1") =>
        Then(_ => Task.FromResult(Json(status, body, mediaType)));

    public FakeRekognition Hang(TimeSpan delay) => Then(async cancellationToken =>
    {
        await Task.Delay(delay, cancellationToken);
        return Json(HttpStatusCode.OK, OfficialExample);
    });

    public FakeRekognition Then(Func<CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Received.Enqueue((request, Encoding.UTF8.GetString(body)));
        if (Refusal(request, body) is { } refusal)
        {
            Refusals.Enqueue(refusal.Type);
            return Json(HttpStatusCode.BadRequest, $$"""{"__type":"{{refusal.Type}}","message":"{{refusal.Message}}"}""");
        }
        if (_script.TryDequeue(out var next))
        {
            _last = next;
        }
        return await (_last ?? (_ => Task.FromResult(Json(HttpStatusCode.OK, OfficialExample))))(cancellationToken);
    }

    /// <summary>What AWS would refuse the request for, or null when it passes.</summary>
    private (string Type, string Message)? Refusal(HttpRequestMessage request, byte[] body)
    {
        if (request.Method != HttpMethod.Post || !request.Headers.TryGetValues("X-Amz-Target", out var targets) || targets.Single() != "RekognitionService.CompareFaces")
        {
            return ("UnknownOperationException", "no such operation");
        }
        if (request.Content?.Headers.ContentType?.ToString() != "application/x-amz-json-1.1")
        {
            return ("SerializationException", "wrong content type");
        }
        var authorization = request.Headers.TryGetValues("Authorization", out var given) ? given.Single() : "";
        var parsed = AuthorizationPattern().Match(authorization);
        if (!parsed.Success)
        {
            return ("IncompleteSignature", "no SigV4 authorization");
        }
        if (parsed.Groups["key"].Value != credentials.AccessKeyId)
        {
            return ("UnrecognizedClientException", "unknown key");
        }
        var signedNames = parsed.Groups["signed"].Value.Split(';');
        if (new[] { "content-type", "host", "x-amz-date", "x-amz-target" }.Except(signedNames).Any())
        {
            return ("IncompleteSignature", "a required header is not signed");
        }
        var headers = signedNames.Select(name => new KeyValuePair<string, string>(name, HeaderValue(request, name))).ToList();
        var recomputed = AwsSigV4.Sign(new AwsSigV4Request(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, headers, body), credentials, region, "rekognition");
        var scope = $"{HeaderValue(request, "x-amz-date")[..8]}/{region}/rekognition/aws4_request";
        return parsed.Groups["scope"].Value == scope && recomputed.Signature == parsed.Groups["signature"].Value
            ? null
            : ("InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
    }

    private static string HeaderValue(HttpRequestMessage request, string name) => name switch
    {
        "host" => request.RequestUri!.IsDefaultPort ? request.RequestUri.Host : request.RequestUri.Authority,
        "content-type" => request.Content?.Headers.ContentType?.ToString() ?? "",
        _ => request.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : "",
    };

    private static HttpResponseMessage Json(HttpStatusCode status, string body, string mediaType = "application/x-amz-json-1.1")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        response.Headers.Add("x-amzn-RequestId", RequestId);
        return response;
    }

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<scope>[^,]+), SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
