using System.Buffers.Text;
using System.Security.Cryptography;

namespace Raytio.Server.Tests.AccessApplications;

/// <summary>RSA-OAEP public keys as WebCrypto exports them, and wrapped private keys in the reference's shape.</summary>
public static class TestKeys
{
    public static Dictionary<string, object> Jwk(int bits = 2048, string alg = "RSA-OAEP-256")
    {
        using var rsa = RSA.Create(bits);
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["alg"] = alg,
            ["e"] = Base64Url.EncodeToString(parameters.Exponent!),
            ["ext"] = true,
            ["key_ops"] = new[] { "wrapKey" },
            ["kty"] = "RSA",
            ["n"] = Base64Url.EncodeToString(parameters.Modulus!),
        };
    }

    public static object Wrapped(string data = "AQAB") => new
    {
        encrypted_data = new { algorithm = new { name = "AES-GCM", length = 256 }, data, iv = "dafgjCD7d" },
        encrypted_key = new { encrypted_key = "DSGj6t497s" },
    };
}
