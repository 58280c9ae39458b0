using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;

namespace Raytio.Server.Features.Auth;

public sealed record JwksDocument(IReadOnlyList<JwksKey> Keys)
{
    /// <summary>How long clients may cache the JWK set (Cache-Control max-age); a new key is published at least this long before it signs.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public static JwksDocument From(IEnumerable<TokenKeyRing.RingKey> keys) => new(keys.Select(k =>
    {
        var parameters = k.Key.Parameters;
        return new JwksKey("RSA", "sig", TokenClaims.Algorithm, k.Kid, Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent));
    }).ToList());
}

public sealed record JwksKey(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("n")] string N,
    [property: JsonPropertyName("e")] string E);
