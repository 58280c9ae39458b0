using System.Text;
using System.Text.Json;

namespace Raytio.Signing;

/// <summary>Publishes public keys as a JWK set (RFC 7517 section 5) so anyone can verify signatures offline.</summary>
public static class JwkSet
{
    /// <summary>{"keys":[...]} with kty, alg (PS512), use (sig), kid, n and e of each key; no private material.</summary>
    public static string ToJson(IEnumerable<SigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in keys)
            {
                key.ToJwk().WriteTo(writer);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
