using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// preventCsvInjection as json-2-csv does it: leading spaces followed by a run of =, +, -, @, tab or CR are
/// removed, which spreadsheets would otherwise evaluate; text JavaScript reads as a number (such as "-1") is kept.
/// </summary>
internal static class CsvInjection
{
    public static string Strip(string text)
    {
        if (JsNumericText.IsNumeric(text))
        {
            return text;
        }
        var index = 0;
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }
        var runStart = index;
        while (index < text.Length && text[index] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            index++;
        }
        return index == runStart ? text : text[index..];
    }
}
