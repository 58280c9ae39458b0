using System.Text.Json.Nodes;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>JSON Merge Patch (RFC 7386): objects merge member by member, `null` removes a member, anything else replaces.</summary>
internal static class MergePatch
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> in place and answers the result.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }
        var merged = target as JsonObject ?? [];
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                merged.Remove(name);
                continue;
            }
            var current = merged[name];
            var result = Apply(current, value);
            if (!ReferenceEquals(result, current))
            {
                merged[name] = result;
            }
        }
        return merged;
    }
}
