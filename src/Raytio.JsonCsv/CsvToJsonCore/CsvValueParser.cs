using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.CsvToJsonCore;

/// <summary>
/// Interprets a CSV field as json-2-csv's default (JSON.parse) does: JSON numbers, true, false, null, arrays and
/// objects become those values and anything else stays a string. Numbers keep their exact digits, and a
/// field that is a JSON string literal stays the text as written so json2csv output round-trips.
/// </summary>
internal static class CsvValueParser
{
    public static JsNode Parse(string field)
    {
        // json-2-csv stores a field reading "undefined" as undefined, which JSON output leaves out.
        if (field == "undefined")
        {
            return JsNode.Undefined;
        }
        var text = field.AsSpan().Trim(" \t\r\n");
        if (text.Length == 0)
        {
            return JsNode.String(field);
        }
        switch (text[0])
        {
            case 't' when text.SequenceEqual("true"):
                return JsNode.True;
            case 'f' when text.SequenceEqual("false"):
                return JsNode.False;
            case 'n' when text.SequenceEqual("null"):
                return JsNode.Null;
            case '[' or '{':
                return JsNodeReader.TryParse(text.ToString(), out var node) ? node : JsNode.String(field);
            case '-' or (>= '0' and <= '9') when IsJsonNumber(text):
                var number = text.ToString();
                // A number too large for a double stays text, as json-2-csv leaves it.
                return JsNumber.Render(number) is null ? JsNode.String(field) : JsNode.Number(number);
            default:
                return JsNode.String(field);
        }
    }

    /// <summary>The JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    public static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }
        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }
        if (text[i++] != '0')
        {
            i = SkipDigits(text, i);
        }
        if (i < text.Length && text[i] == '.')
        {
            var afterPoint = ++i;
            i = SkipDigits(text, i);
            if (i == afterPoint)
            {
                return false;
            }
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }
            var exponentStart = i;
            i = SkipDigits(text, i);
            if (i == exponentStart)
            {
                return false;
            }
        }
        return i == text.Length;
    }

    private static int SkipDigits(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        return i;
    }
}
