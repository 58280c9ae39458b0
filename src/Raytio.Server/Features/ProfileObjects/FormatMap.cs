using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// `format=kvp` with its `format_map`: which answer field takes which value of each object.
/// The map is `key,n_id,value,entity_name` (target, source pairs) or the JSON object
/// `{"key": "n_id", "value": "entity_name"}`; a source is `n_id`, `id` or a property name.
/// </summary>
public sealed record FormatMap(IReadOnlyList<(string Target, string Source)> Pairs)
{
    public const string Kvp = "kvp";

    /// <summary>The map, or null when no format was asked for.</summary>
    public static FormatMap? Parse(string? format, string? formatMap)
    {
        if (string.IsNullOrEmpty(format))
        {
            return string.IsNullOrEmpty(formatMap) ? null : throw ApiException.Invalid("format_map", "'format_map' applies only with format=kvp.");
        }
        if (format != Kvp)
        {
            throw ApiException.Invalid("format", $"'format' must be '{Kvp}', not '{format}'.");
        }
        if (string.IsNullOrWhiteSpace(formatMap))
        {
            throw ApiException.Invalid("format_map", "'format_map' is required with format=kvp, e.g. key,n_id,value,entity_name.");
        }
        var pairs = formatMap.TrimStart().StartsWith('{') ? FromJson(formatMap) : FromList(formatMap);
        if (pairs.Count == 0 || pairs.Any(p => p.Target.Length == 0 || p.Source.Length == 0) || pairs.DistinctBy(p => p.Target).Count() != pairs.Count)
        {
            throw ApiException.Invalid("format_map", "'format_map' must map each target once to a non-empty source, e.g. key,n_id,value,entity_name.");
        }
        return new FormatMap(pairs);
    }

    /// <summary>The entry of one object (answer shape `{id, n_id, properties}`).</summary>
    public JsonObject Entry(JsonObject answer)
    {
        var entry = new JsonObject();
        foreach (var (target, source) in Pairs)
        {
            entry[target] = source switch
            {
                "n_id" or "id" => answer[source]?.DeepClone(),
                _ => answer["properties"]?[source]?.DeepClone(),
            };
        }
        return entry;
    }

    private static List<(string Target, string Source)> FromList(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length % 2 != 0)
        {
            throw ApiException.Invalid("format_map", "'format_map' must be pairs of target and source: key,n_id,value,entity_name.");
        }
        return [.. parts.Chunk(2).Select(pair => (pair[0], pair[1]))];
    }

    private static List<(string Target, string Source)> FromJson(string text)
    {
        JsonObject? map;
        try
        {
            map = JsonNode.Parse(text, documentOptions: DuplicateKeys.DocumentOptions) as JsonObject;
        }
        catch (JsonException)
        {
            map = null;
        }
        if (map is null || map.Any(member => member.Value?.GetValueKind() != JsonValueKind.String))
        {
            throw ApiException.Invalid("format_map", "'format_map' as JSON must be an object of strings, e.g. {\"key\": \"n_id\", \"value\": \"entity_name\"}.");
        }
        return [.. map.Select(member => (member.Key, member.Value!.GetValue<string>().Trim()))];
    }
}
