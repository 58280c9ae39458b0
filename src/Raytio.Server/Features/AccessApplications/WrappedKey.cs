using System.Text.Json.Nodes;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>
/// A private key wrapped by its holder, in the reference's shape: `encrypted_data` {algorithm:
/// {name: "AES-GCM", length: 256}, data, iv} (the key encrypted with an AES key) and
/// `encrypted_key` {encrypted_key} (that AES key wrapped for the holder). Only the shape and the
/// sizes are checked: the server cannot and must not unwrap it.
/// </summary>
public sealed record WrappedKey(JsonObject EncryptedData, JsonObject EncryptedKey)
{
    public const int MaxDataLength = 32 * 1024;
    public const int MaxIvLength = 64;
    public const int MaxEncryptedKeyLength = 4096;

    /// <summary>The wrapped key in <paramref name="node"/>; 400 naming `{field}.…` otherwise.</summary>
    public static WrappedKey Check(JsonNode? node, string field)
    {
        if (node is not JsonObject key)
        {
            throw ApiException.Invalid(field, $"'{field}' must be an object {{encrypted_data, encrypted_key}}.");
        }
        var validation = new Validation();
        var dataField = $"{field}.encrypted_data";
        if (key["encrypted_data"] is not JsonObject data)
        {
            validation.Add(dataField, $"'{dataField}' must be an object {{algorithm, data, iv}}.");
        }
        else
        {
            if (data["algorithm"] is not JsonObject algorithm
                || !(algorithm["name"] is JsonValue name && name.TryGetValue<string>(out var algorithmName) && algorithmName == "AES-GCM")
                || !(algorithm["length"] is JsonValue length && length.TryGetValue<int>(out var bits) && bits == 256)
                || algorithm.Count != 2)
            {
                validation.Add($"{dataField}.algorithm", $"'{dataField}.algorithm' must be {{\"name\": \"AES-GCM\", \"length\": 256}}.");
            }
            Encoded(validation, data, "data", dataField, MaxDataLength);
            Encoded(validation, data, "iv", dataField, MaxIvLength);
            Extra(validation, data, dataField, ["algorithm", "data", "iv"]);
        }
        var keyField = $"{field}.encrypted_key";
        if (key["encrypted_key"] is not JsonObject encryptedKey)
        {
            validation.Add(keyField, $"'{keyField}' must be an object {{encrypted_key}}.");
        }
        else
        {
            Encoded(validation, encryptedKey, "encrypted_key", keyField, MaxEncryptedKeyLength);
            Extra(validation, encryptedKey, keyField, ["encrypted_key"]);
        }
        validation.ThrowIfAny();
        return new WrappedKey(key["encrypted_data"]!.DeepClone().AsObject(), key["encrypted_key"]!.DeepClone().AsObject());
    }

    /// <summary>The stored form answered back, with the public key it belongs to.</summary>
    public static JsonObject Answer(string encryptedDataJson, string encryptedKeyJson, Guid publicKeyId) => new()
    {
        ["encrypted_data"] = JsonNode.Parse(encryptedDataJson),
        ["encrypted_key"] = JsonNode.Parse(encryptedKeyJson),
        ["n_id"] = publicKeyId,
    };

    /// <summary>Base64 or base64url text; its length is not checked against a byte count, as the reference's own examples would fail that.</summary>
    private static void Encoded(Validation validation, JsonObject parent, string member, string at, int maxLength)
    {
        if (!(parent[member] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length is > 0 && text.Length <= maxLength
            && IsBase64Alphabet(text.TrimEnd('='))))
        {
            validation.Add($"{at}.{member}", $"'{at}.{member}' must be a base64url string of at most {maxLength} characters.");
        }
    }

    private static bool IsBase64Alphabet(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '+' or '/');

    private static void Extra(Validation validation, JsonObject parent, string at, string[] known)
    {
        foreach (var (member, _) in parent.Where(p => !known.Contains(p.Key)))
        {
            validation.Add($"{at}.{member}", $"'{at}.{member}' is not part of a wrapped key.");
        }
    }
}
