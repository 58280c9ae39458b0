using System.Text.Json;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// Reads fields of the JSON bodies of operations 34, 35 and 38 by hand, so that every error names
/// the field with the item it is in (`[2].properties`).
/// </summary>
internal static class RequestFields
{
    /// <summary>`[i].` inside an array body, nothing for a single object.</summary>
    public static string Prefix(int? index) => index is { } i ? $"[{i}]." : "";

    /// <summary>The items of a body that is one object or an array of 1 to <paramref name="max"/> objects.</summary>
    public static IReadOnlyList<(JsonElement Item, string Prefix)> Items(JsonElement body, int max, bool allowSingle)
    {
        if (body.ValueKind == JsonValueKind.Object && allowSingle)
        {
            return [(body, "")];
        }
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw ApiException.BadRequest("validation_failed", allowSingle
                ? "The request body must be a JSON object or an array of objects."
                : "The request body must be a JSON array of objects.");
        }
        var count = body.GetArrayLength();
        if (count == 0 || count > max)
        {
            throw ApiException.BadRequest("validation_failed", $"The request body must hold 1 to {max} objects, not {count}.");
        }
        var items = new List<(JsonElement, string)>(count);
        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            var prefix = Prefix(index++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.Invalid(prefix.TrimEnd('.'), $"'{prefix.TrimEnd('.')}' must be a JSON object.");
            }
            items.Add((item, prefix));
        }
        return items;
    }

    /// <summary>The member, or null when absent or JSON null.</summary>
    public static JsonElement? Optional(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string RequiredString(JsonElement item, string name, string field)
    {
        var value = Optional(item, name) ?? throw ApiException.Invalid(field, $"'{field}' is required.");
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw ApiException.Invalid(field, $"'{field}' must be a non-empty string.");
        }
        return value.GetString()!;
    }

    public static JsonElement RequiredObject(JsonElement item, string name, string field)
    {
        var value = Optional(item, name) ?? throw ApiException.Invalid(field, $"'{field}' is required.");
        return value.ValueKind == JsonValueKind.Object ? value : throw ApiException.Invalid(field, $"'{field}' must be a JSON object.");
    }

    public static Guid NodeKey(string? text, string field) =>
        Guid.TryParse(text, out var key) ? key : throw ApiException.Invalid(field, $"'{field}' must be an n_id (a UUID), not '{text}'.");
}
