using System.Globalization;
using System.Text.Json;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Sharing;

/// <summary>One wrapped field key of a share request.</summary>
public sealed record ShareKeyRequest(Guid ObjectId, string FieldName, Guid PublicKeyId, string EncryptedKey);

/// <summary>The checked body of `POST /share/{version}/access_applications/{a_id}/instances`.</summary>
public sealed record ShareRequest(IReadOnlyList<Guid> Objects, IReadOnlyList<ShareKeyRequest> Keys, string? ShortCode, string? Reference, DateTime? EndDate)
{
    public static ShareRequest Parse(JsonElement body, SharingOptions limits)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("validation_failed", "The request body must be a JSON object.");
        }
        return new ShareRequest(ParseObjects(body, limits), ParseKeys(body, limits), OptionalString(body, "short_code", 64), OptionalString(body, "reference", SharingLimits.MaxReferenceLength), ParseEndDate(body));
    }

    private static List<Guid> ParseObjects(JsonElement body, SharingOptions limits)
    {
        if (!body.TryGetProperty("profile_objects", out var items) || items.ValueKind != JsonValueKind.Array
            || items.GetArrayLength() is 0 || items.GetArrayLength() > limits.MaxObjectsPerShare)
        {
            throw ApiException.Invalid("profile_objects", $"'profile_objects' must be an array of 1 to {limits.MaxObjectsPerShare} n_ids.");
        }
        var ids = new List<Guid>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"profile_objects[{index++}]";
            var id = GraphIds.Parse(at, item.ValueKind == JsonValueKind.String ? item.GetString() : null);
            if (ids.Contains(id))
            {
                throw ApiException.Invalid(at, $"'{at}' repeats {id}.");
            }
            ids.Add(id);
        }
        return ids;
    }

    private static List<ShareKeyRequest> ParseKeys(JsonElement body, SharingOptions limits)
    {
        if (!body.TryGetProperty("keys", out var items) || items.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() > limits.MaxKeysPerShare)
        {
            throw ApiException.Invalid("keys", $"'keys' must be an array of at most {limits.MaxKeysPerShare} keys.");
        }
        var keys = new List<ShareKeyRequest>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"keys[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.Invalid(at, $"'{at}' must be an object {{n_id, field_name, public_key_n_id, encrypted_key}}.");
            }
            var key = new ShareKeyRequest(
                GraphIds.Parse($"{at}.n_id", StringOf(item, "n_id")),
                RequiredString(item, "field_name", $"{at}.field_name", 200),
                GraphIds.Parse($"{at}.public_key_n_id", StringOf(item, "public_key_n_id")),
                EncryptedKey(StringOf(item, "encrypted_key"), $"{at}.encrypted_key"));
            if (keys.Any(k => k.ObjectId == key.ObjectId && k.FieldName == key.FieldName && k.PublicKeyId == key.PublicKeyId))
            {
                throw ApiException.Invalid(at, $"'{at}' repeats the key of '{key.FieldName}' of {key.ObjectId} for public key {key.PublicKeyId}.");
            }
            keys.Add(key);
        }
        return keys;
    }

    private static string EncryptedKey(string? text, string at) =>
        text is { Length: > 0 and <= SharingLimits.MaxEncryptedKeyLength } && Base64UrlText.IsWellFormed(text)
            ? text
            : throw ApiException.Invalid(at, $"'{at}' must be base64url text of at most {SharingLimits.MaxEncryptedKeyLength} characters.");

    private static DateTime? ParseEndDate(JsonElement body)
    {
        var text = OptionalString(body, "end_date", 64);
        if (text is null)
        {
            return null;
        }
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            ? date
            : throw ApiException.Invalid("end_date", "'end_date' must be a date and time (ISO 8601, UTC unless a zone is given).");
    }

    private static string? StringOf(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string RequiredString(JsonElement item, string name, string at, int max) =>
        StringOf(item, name) is { Length: > 0 } text && text.Length <= max
            ? text
            : throw ApiException.Invalid(at, $"'{at}' must be a non-empty string of at most {max} characters.");

    private static string? OptionalString(JsonElement body, string name, int max)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text && text.Length <= max
            ? text
            : throw ApiException.Invalid(name, $"'{name}' must be a non-empty string of at most {max} characters.");
    }
}

/// <summary>base64url without padding, as WebCrypto clients encode keys and ciphertext.</summary>
public static class Base64UrlText
{
    public static bool IsWellFormed(string text) => text.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')
        && text.Length % 4 != 1;
}
