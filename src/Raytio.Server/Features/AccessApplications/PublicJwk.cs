using System.Buffers.Text;
using System.Text.Json.Nodes;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>
/// A public RSA-OAEP key as WebCrypto exports it (`exportKey("jwk", publicKey)`): kty RSA, n of at
/// least 2048 bits, e, alg RSA-OAEP / RSA-OAEP-256 / RSA-OAEP-512, key_ops within encrypt and
/// wrapKey. Anything private (d, p, q, dp, dq, qi, oth) is refused: the server must never hold one.
/// </summary>
public static class PublicJwk
{
    public const int MinModulusBits = 2048;
    public const int MaxModulusBits = 16384;

    public static readonly string[] Algorithms = ["RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-512"];

    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];
    private static readonly string[] PublicOperations = ["encrypt", "wrapKey"];
    private static readonly string[] KnownMembers = ["kty", "n", "e", "alg", "key_ops", "ext", "use", "kid"];

    /// <summary>The key as given, checked; 400 naming `{field}.{member}` otherwise.</summary>
    public static JsonObject Check(JsonNode? node, string field)
    {
        if (node is not JsonObject key)
        {
            throw ApiException.Invalid(field, $"'{field}' must be a public JWK object.");
        }
        var validation = new Validation();
        foreach (var (member, _) in key)
        {
            if (PrivateMembers.Contains(member))
            {
                validation.Add($"{field}.{member}", $"'{field}' must be a public key: '{member}' is part of a private key and must never be sent.");
            }
            else if (!KnownMembers.Contains(member))
            {
                validation.Add($"{field}.{member}", $"'{field}.{member}' is not a member of a public RSA JWK.");
            }
        }
        if (Text(key, "kty") != "RSA")
        {
            validation.Add($"{field}.kty", $"'{field}.kty' must be \"RSA\".");
        }
        if (Text(key, "alg") is not { } alg || !Algorithms.Contains(alg))
        {
            validation.Add($"{field}.alg", $"'{field}.alg' must be one of {string.Join(", ", Algorithms)}.");
        }
        var modulusBits = BitLength(Text(key, "n"));
        if (modulusBits is null || modulusBits < MinModulusBits || modulusBits > MaxModulusBits)
        {
            validation.Add($"{field}.n", $"'{field}.n' must be a base64url modulus of {MinModulusBits} to {MaxModulusBits} bits.");
        }
        if (BitLength(Text(key, "e")) is not (> 1 and <= 64))
        {
            validation.Add($"{field}.e", $"'{field}.e' must be a base64url public exponent.");
        }
        if (key.ContainsKey("key_ops") && !(key["key_ops"] is JsonArray { Count: > 0 } ops
            && ops.All(o => o is JsonValue v && v.TryGetValue<string>(out var op) && PublicOperations.Contains(op))))
        {
            validation.Add($"{field}.key_ops", $"'{field}.key_ops' must be a non-empty array of \"encrypt\" and \"wrapKey\".");
        }
        if (key.ContainsKey("ext") && !(key["ext"] is JsonValue ext && ext.TryGetValue<bool>(out _)))
        {
            validation.Add($"{field}.ext", $"'{field}.ext' must be true or false.");
        }
        if (key.ContainsKey("use") && Text(key, "use") != "enc")
        {
            validation.Add($"{field}.use", $"'{field}.use' must be \"enc\".");
        }
        if (key.ContainsKey("kid") && Text(key, "kid") is not { Length: > 0 and <= 200 })
        {
            validation.Add($"{field}.kid", $"'{field}.kid' must be a string of at most 200 characters.");
        }
        validation.ThrowIfAny();
        return key.DeepClone().AsObject();
    }

    private static string? Text(JsonObject key, string member) =>
        key[member] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The bit length of a base64url unsigned big-endian integer (leading zeros ignored); null when it is not base64url.</summary>
    private static int? BitLength(string? base64Url)
    {
        if (base64Url is null || base64Url.Length == 0 || base64Url.Length > MaxModulusBits / 6 + 4 || !Base64Url.IsValid(base64Url))
        {
            return null;
        }
        var bytes = Base64Url.DecodeFromChars(base64Url);
        var first = Array.FindIndex(bytes, b => b != 0);
        return first < 0 ? 0 : ((bytes.Length - first - 1) * 8) + (8 - byte.LeadingZeroCount(bytes[first]));
    }
}
