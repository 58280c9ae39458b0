using System.Text.Json;

namespace Raytio.JsonCsv.Options;

/// <summary>Reads typed option values from a JSON options object, naming the option in every error.</summary>
internal static class OptionReader
{
    public static void RequireObject(JsonElement options, string what)
    {
        if (options.ValueKind != JsonValueKind.Object)
        {
            throw new JsonCsvOptionException(what, $"Options '{what}' must be a JSON object, not {Describe(options)}.");
        }
    }

    public static JsonCsvOptionException Unknown(string name) =>
        new(name, $"Unknown option '{name}'.");

    public static bool Boolean(JsonProperty option) => option.Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw WrongType(option.Name, "a boolean", option.Value),
    };

    /// <summary>A delimiter string; json-2-csv falls back to the default when given an empty string.</summary>
    public static string Delimiter(string name, JsonElement value, string fallback)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(name, "a string", value);
        }
        var text = value.GetString()!;
        return text.Length == 0 ? fallback : text;
    }

    public static List<string> StringList(JsonProperty option)
    {
        if (option.Value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(option.Name, "an array of strings", option.Value);
        }
        var list = new List<string>();
        foreach (var item in option.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw WrongType(option.Name, "an array of strings", option.Value);
            }
            list.Add(item.GetString()!);
        }
        return list;
    }

    public static JsonCsvOptionException WrongType(string name, string expected, JsonElement actual) =>
        new(name, $"Option '{name}' must be {expected}, not {Describe(actual)}.");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };
}
