using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Raytio.Server.Providers.Outside;

/// <summary>AWS credentials: the access key id, its secret and, for temporary credentials, the session token.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null);

/// <summary>
/// What SigV4 signs of a request: the method, the path (not yet encoded), the query as sent
/// (`a=1&amp;b=2`, already percent-encoded or not), the headers to sign (name and value as sent;
/// `host` and `x-amz-date` among them) and the body.
/// </summary>
public sealed record AwsSigV4Request(string Method, string Path, string Query, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);

/// <summary>Every intermediate of a signature, so each step can be checked against AWS's published test suite.</summary>
public sealed record AwsSigV4Signature(string CanonicalRequest, string StringToSign, string SignedHeaders, string Signature, string Authorization);

/// <summary>
/// AWS Signature Version 4 (header signing, `AWS4-HMAC-SHA256`), written from AWS's description
/// of the algorithm: canonical request, string to sign, the derived key
/// (date → region → service → `aws4_request`) and the signature. No web dependency: the
/// caller sends what it signed.
/// </summary>
public static class AwsSigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The `X-Amz-Date` form of an instant, e.g. 20150830T123600Z.</summary>
    public static string AmzDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Signs <paramref name="request"/>; the scope's date is the `x-amz-date` header's.</summary>
    public static AwsSigV4Signature Sign(AwsSigV4Request request, AwsCredentials credentials, string region, string service)
    {
        var headers = CanonicalHeaders(request.Headers);
        var amzDate = headers.FirstOrDefault(h => h.Name == "x-amz-date").Value
            ?? throw new ArgumentException("The headers to sign must include x-amz-date.", nameof(request));
        var date = amzDate[..8];
        var signedHeaders = string.Join(';', headers.Select(h => h.Name));
        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            CanonicalPath(request.Path),
            CanonicalQuery(request.Query),
            string.Concat(headers.Select(h => $"{h.Name}:{h.Value}\n")),
            signedHeaders,
            Hex(SHA256.HashData(request.Body)));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', Algorithm, amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(Hmac(Hmac(key, region), service), "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new AwsSigV4Signature(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    /// <summary>Names lower-cased and sorted; values trimmed with inner runs of spaces collapsed; repeated names joined by commas in the order sent.</summary>
    private static List<(string Name, string Value)> CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers) =>
        [.. headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant(), h => CollapseSpaces(h.Value))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, string.Join(',', g)))];

    private static string CollapseSpaces(string value) =>
        string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Each path segment URI-encoded once (the services other than S3 are signed this way); an empty path is "/".</summary>
    private static string CanonicalPath(string path) =>
        path.Length == 0 ? "/" : string.Join('/', path.Split('/').Select(segment => Encode(segment)));

    /// <summary>Parameters decoded, re-encoded the AWS way, sorted by name then value.</summary>
    private static string CanonicalQuery(string query)
    {
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Name: Encode(Uri.UnescapeDataString(parts[0])), Value: Encode(parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "")))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>RFC 3986 encoding: unreserved characters kept, every other UTF-8 byte as %XX in upper case.</summary>
    private static string Encode(string value)
    {
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
