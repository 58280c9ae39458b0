using System.Text.Json.Nodes;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// Properties a schema marks `"encrypt": true` hold the client's ciphertext, never the plaintext
/// (docs/SHARING.md "Encrypted fields"): `{"encrypted_data": {"algorithm": {"name": "AES-GCM",
/// "length": 256}, "data", "iv"}}`, base64url, with a 12-byte iv. The server cannot check the
/// plaintext against the declared type, so profile objects are validated against a copy of the
/// schema with that shape in place of each such property's own subschema.
/// </summary>
internal static class EncryptedFields
{
    public const string Keyword = "encrypt";

    /// <summary>A copy of the (expanded) schema with each `encrypt: true` property's subschema replaced; the document itself is untouched.</summary>
    public static JsonObject InPlaceOfDeclared(JsonObject schema)
    {
        var copy = (JsonObject)schema.DeepClone();
        Replace(copy);
        return copy;
    }

    private static void Replace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject item:
                if (item["properties"] is JsonObject properties)
                {
                    foreach (var name in properties.Select(p => p.Key).ToList())
                    {
                        if (properties[name] is JsonObject property && property[Keyword] is JsonValue flag && flag.TryGetValue<bool>(out var encrypt) && encrypt)
                        {
                            properties[name] = Ciphertext();
                        }
                    }
                }
                foreach (var (_, child) in item.ToList())
                {
                    Replace(child);
                }
                break;
            case JsonArray items:
                foreach (var child in items)
                {
                    Replace(child);
                }
                break;
        }
    }

    /// <summary>The ciphertext's JSON Schema: AES-GCM-256, base64url data, a 12-byte iv (16 base64url characters).</summary>
    private static JsonObject Ciphertext() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("encrypted_data"),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["encrypted_data"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("algorithm", "data", "iv"),
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["algorithm"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("name", "length"),
                        ["additionalProperties"] = false,
                        ["properties"] = new JsonObject { ["name"] = new JsonObject { ["const"] = "AES-GCM" }, ["length"] = new JsonObject { ["const"] = 256 } },
                    },
                    // At least the 16-byte GCM tag.
                    ["data"] = new JsonObject { ["type"] = "string", ["minLength"] = 22, ["pattern"] = "^[A-Za-z0-9_-]+$" },
                    ["iv"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z0-9_-]{16}$" },
                },
            },
        },
    };
}
