using System.Text.Json.Nodes;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// Where draft-07 keeps subschemas, so that `$ref`, `$id` and `format` are looked for only in
/// schemas, never in data such as `enum`, `const`, `examples` or the reference's extra keywords.
/// </summary>
internal static class SchemaKeywords
{
    private static readonly string[] SingleSchema = ["additionalItems", "additionalProperties", "contains", "propertyNames", "if", "then", "else", "not", "items"];
    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "definitions", "dependencies"];
    private static readonly string[] SchemaArrays = ["allOf", "anyOf", "oneOf", "items"];

    /// <summary>
    /// The schema and every subschema in it, with JSON pointers from <paramref name="schema"/>.
    /// Under a `$ref` nothing else is visited: draft-07 ignores the keywords beside it.
    /// </summary>
    public static IEnumerable<(JsonObject Schema, string Pointer)> Subschemas(JsonObject schema, string pointer = "")
    {
        yield return (schema, pointer);
        if (schema.ContainsKey("$ref"))
        {
            yield break;
        }
        foreach (var keyword in SingleSchema)
        {
            if (schema[keyword] is JsonObject single)
            {
                foreach (var nested in Subschemas(single, $"{pointer}/{keyword}"))
                {
                    yield return nested;
                }
            }
        }
        foreach (var keyword in SchemaMaps)
        {
            if (schema[keyword] is JsonObject map)
            {
                foreach (var (key, value) in map)
                {
                    if (value is JsonObject entry)
                    {
                        foreach (var nested in Subschemas(entry, $"{pointer}/{keyword}/{EscapeToken(key)}"))
                        {
                            yield return nested;
                        }
                    }
                }
            }
        }
        foreach (var keyword in SchemaArrays)
        {
            if (schema[keyword] is JsonArray array)
            {
                for (var index = 0; index < array.Count; index++)
                {
                    if (array[index] is JsonObject item)
                    {
                        foreach (var nested in Subschemas(item, $"{pointer}/{keyword}/{index}"))
                        {
                            yield return nested;
                        }
                    }
                }
            }
        }
    }

    /// <summary>RFC 6901: `~` and `/` in a property name.</summary>
    public static string EscapeToken(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The node a JSON pointer names (RFC 6901), or null.</summary>
    public static JsonNode? At(JsonNode root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }
        if (pointer[0] != '/')
        {
            return null;
        }
        var node = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(token, out var value) ? value : null,
                JsonArray array when int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }
}
