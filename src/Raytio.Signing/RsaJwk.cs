using System.Text.Json;

namespace Raytio.Signing;

/// <summary>A public signing key as a JSON Web Key (RFC 7517/7518): n and e are base64url big-endian integers.</summary>
public sealed record RsaJwk(string Kid, string N, string E)
{
    public string Kty => "RSA";

    public string Alg => RsaPssSha512.JwsAlgorithm;

    public string Use => "sig";

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("kty", Kty);
        writer.WriteString("alg", Alg);
        writer.WriteString("use", Use);
        writer.WriteString("kid", Kid);
        writer.WriteString("n", N);
        writer.WriteString("e", E);
        writer.WriteEndObject();
    }
}
