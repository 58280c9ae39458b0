using System.Text.Json;
using System.Text.RegularExpressions;

namespace Raytio.Server.Hosting;

/// <summary>
/// A JSON object that repeats a key is refused: which value counts would be a guess, and a
/// JsonObject built from it throws when read. System.Text.Json refuses repeats in bound bodies
/// when <see cref="JsonSerializerOptions.AllowDuplicateProperties"/> is off; this names the key
/// and applies the same rule where a JsonObject looks keys up without regard to case.
/// </summary>
internal static partial class DuplicateKeys
{
    /// <summary>For JSON read from query strings and streamed bodies.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { AllowDuplicateProperties = false };

    /// <summary>The key a duplicate-key failure names, in System.Text.Json's wording, which this class also uses.</summary>
    public static string? KeyOf(JsonException exception) =>
        Repeated().Match(exception.Message) is { Success: true } match ? match.Groups["key"].Value : null;

    /// <summary>Throws the duplicate-key failure for the first key of any object in <paramref name="element"/> that repeats under <paramref name="keys"/>.</summary>
    public static void Refuse(JsonElement element, StringComparer keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(keys);
                foreach (var property in element.EnumerateObject())
                {
                    if (!seen.Add(property.Name))
                        throw new JsonException($"Duplicate property '{property.Name}' encountered during deserialization.");
                    Refuse(property.Value, keys);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Refuse(item, keys);
                break;
        }
    }

    [GeneratedRegex("^Duplicate property '(?<key>.*)' encountered during deserialization", RegexOptions.Singleline)]
    private static partial Regex Repeated();
}
