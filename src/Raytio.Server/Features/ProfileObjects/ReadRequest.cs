using System.Globalization;
using System.Text.Json;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Schemas;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>One entry of `profile_objects`: an object matches when it has this n_id and (or only) this label.</summary>
public sealed record ObjectFilter(Guid? Key, string? Label);

/// <summary>
/// What operations 38 and 39 ask for: `profile_objects` filters (an object matching any entry),
/// `permissions` (relationship types the caller must hold; all four when absent), paging, `expand`
/// and the kvp format. 38 takes the filters from its body, 39 from query parameters.
/// </summary>
public sealed record ReadRequest(
    IReadOnlyList<ObjectFilter> Filters, IReadOnlyList<string> Types, int Limit, Guid? StartingAfter, bool Expand, FormatMap? Format)
{
    public const int MaxLimit = 1000;
    public const int MaxFilters = 100;

    public static ReadRequest FromBody(JsonElement body, string? expand, string? format, string? formatMap, string? limit, string? startingAfter)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("validation_failed", "The request body must be a JSON object {profile_objects, permissions}.");
        }
        return Create(RequestFields.Optional(body, "profile_objects"), RequestFields.Optional(body, "permissions"), expand, format, formatMap, limit, startingAfter);
    }

    public static ReadRequest FromQuery(string? profileObjects, string[]? permissions, string? expand, string? format, string? formatMap, string? limit, string? startingAfter)
    {
        var filters = string.IsNullOrWhiteSpace(profileObjects) ? (JsonElement?)null : ParseJson("profile_objects", profileObjects);
        return Create(filters, PermissionsFromQuery(permissions), expand, format, formatMap, limit, startingAfter);
    }

    private static ReadRequest Create(JsonElement? filters, JsonElement? permissions, string? expand, string? format, string? formatMap, string? limit, string? startingAfter) => new(
        ParseFilters(filters),
        ParseTypes(permissions),
        ParseLimit(limit),
        string.IsNullOrEmpty(startingAfter) ? null : RequestFields.NodeKey(startingAfter, "starting_after"),
        QueryParameters.Flag("expand", expand, defaultValue: true),
        FormatMap.Parse(format, formatMap));

    /// <summary>`permissions` as a JSON array, one value (`permissions=IS_OWNER`), a comma list or repeated parameters.</summary>
    private static JsonElement? PermissionsFromQuery(string[]? values)
    {
        if (values is null || values.Length == 0 || values.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }
        if (values.Length == 1 && values[0].TrimStart().StartsWith('['))
        {
            return ParseJson("permissions", values[0]);
        }
        var types = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return JsonSerializer.SerializeToElement(types);
    }

    private static JsonElement ParseJson(string field, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, DuplicateKeys.DocumentOptions);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiException.Invalid(field, $"'{field}' must be URL-encoded JSON.");
        }
    }

    private static List<ObjectFilter> ParseFilters(JsonElement? value)
    {
        if (value is not { } given)
        {
            return [];
        }
        if (given.ValueKind != JsonValueKind.Array || given.GetArrayLength() > MaxFilters)
        {
            throw ApiException.Invalid("profile_objects", $"'profile_objects' must be an array of at most {MaxFilters} objects {{n_id?, label?}}.");
        }
        var filters = new List<ObjectFilter>();
        var index = 0;
        foreach (var entry in given.EnumerateArray())
        {
            var field = $"profile_objects[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.Invalid(field, $"'{field}' must be an object {{n_id?, label?}}.");
            }
            var key = RequestFields.Optional(entry, "n_id") is { } n ? RequestFields.NodeKey(n.ValueKind == JsonValueKind.String ? n.GetString() : n.GetRawText(), $"{field}.n_id") : (Guid?)null;
            var label = RequestFields.Optional(entry, "label") is { } l ? Label(l, $"{field}.label") : null;
            if (key is null && label is null)
            {
                throw ApiException.Invalid(field, $"'{field}' must give an n_id, a label or both.");
            }
            filters.Add(new ObjectFilter(key, label));
        }
        return filters;
    }

    private static string Label(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is var label && ProfileLabels.IsValid(label)
            ? label
            : throw ApiException.Invalid(field, $"'{field}' must be a string of 1 to {GraphLabelConfiguration.MaxLabelLength} characters, none of them control characters.");

    private static List<string> ParseTypes(JsonElement? value)
    {
        var problem = $"'permissions' must be a list of {string.Join(", ", RelationshipTypes.Permissions)}.";
        if (value is not { } given)
        {
            return [.. RelationshipTypes.Permissions];
        }
        List<JsonElement> entries = given.ValueKind switch
        {
            JsonValueKind.String => [given],
            JsonValueKind.Array => [.. given.EnumerateArray()],
            _ => throw ApiException.Invalid("permissions", problem),
        };
        var types = new List<string>();
        foreach (var entry in entries)
        {
            var type = entry.ValueKind == JsonValueKind.String ? entry.GetString() : null;
            if (type is null || !RelationshipTypes.Permissions.Contains(type))
            {
                throw ApiException.Invalid("permissions", $"{problem} '{(type ?? entry.GetRawText())}' is not one.");
            }
            types.Add(type);
        }
        return types.Count == 0 ? [.. RelationshipTypes.Permissions] : [.. types.Distinct()];
    }

    private static int ParseLimit(string? value) => value switch
    {
        null or "" => MaxLimit,
        _ when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit => limit,
        _ => throw ApiException.Invalid("limit", $"'limit' must be a whole number from 1 to {MaxLimit}, not '{value}'."),
    };
}
