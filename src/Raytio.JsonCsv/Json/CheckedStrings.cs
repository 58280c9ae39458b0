using System.Text.Json;

namespace Raytio.JsonCsv.Json;

/// <summary>
/// Decodes string and property-name tokens, reporting text that is not valid UTF-8 (or an escaped lone
/// surrogate) as bad input. Utf8JsonReader reports that with InvalidOperationException, which it also uses for
/// calls on the wrong token type; only the former is the input's fault, so the catch is limited to string tokens.
/// </summary>
internal static class CheckedStrings
{
    public static string GetCheckedString(this ref Utf8JsonReader reader)
    {
        var isText = IsText(reader.TokenType);
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e) when (isText)
        {
            throw Undecodable(e);
        }
    }

    public static int CopyCheckedString(this ref Utf8JsonReader reader, Span<char> destination)
    {
        var isText = IsText(reader.TokenType);
        try
        {
            return reader.CopyString(destination);
        }
        catch (InvalidOperationException e) when (isText)
        {
            throw Undecodable(e);
        }
    }

    private static bool IsText(JsonTokenType token) => token is JsonTokenType.String or JsonTokenType.PropertyName;

    private static JsonCsvException Undecodable(InvalidOperationException e) => new($"Invalid JSON: {e.Message}", e);
}
