using System.Text.Json;

namespace Raytio.JsonCsv.Options;

/// <summary>
/// Rejects options holding a name or string with no UTF-16 form (an escaped lone surrogate, invalid UTF-8).
/// System.Text.Json parses such text and throws InvalidOperationException only when it is read, so every name
/// and string is read once here, where that exception can mean nothing else.
/// </summary>
internal static class OptionText
{
    public static void RequireDecodable(JsonElement options, string what)
    {
        foreach (var option in options.EnumerateObject())
        {
            if (!IsDecodableName(option))
            {
                throw new JsonCsvOptionException(what, $"Options '{what}' have a name that is not valid Unicode text.");
            }
            if (!IsDecodable(option.Value))
            {
                throw new JsonCsvOptionException(option.Name, $"Option '{option.Name}' holds text that is not valid Unicode.");
            }
        }
    }

    private static bool IsDecodable(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => IsDecodableString(value),
        JsonValueKind.Array => value.EnumerateArray().All(IsDecodable),
        JsonValueKind.Object => value.EnumerateObject().All(property => IsDecodableName(property) && IsDecodable(property.Value)),
        _ => true,
    };

    private static bool IsDecodableString(JsonElement text)
    {
        try
        {
            _ = text.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsDecodableName(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
