using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Raytio.Signing;

/// <summary>RFC 7638 JWK thumbprints, used as key ids: stable, derived from the public key alone.</summary>
public static class JwkThumbprint
{
    /// <summary>Base64url SHA-256 of the RSA key's required members in lexicographic order: {"e","kty","n"}.</summary>
    public static string Compute(RSAParameters publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey.Modulus);
        ArgumentNullException.ThrowIfNull(publicKey.Exponent);
        return Compute(Base64Url.EncodeToString(publicKey.Exponent), Base64Url.EncodeToString(publicKey.Modulus));
    }

    /// <summary>Thumbprint of base64url-encoded members; base64url needs no JSON escaping, so plain concatenation is canonical.</summary>
    public static string Compute(string e, string n)
    {
        var canonical = Encoding.UTF8.GetBytes($$"""{"e":"{{e}}","kty":"RSA","n":"{{n}}"}""");
        return Base64Url.EncodeToString(SHA256.HashData(canonical));
    }
}
