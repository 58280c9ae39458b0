using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>preventCsvInjection: removes leading whitespace followed by a run of =, +, -, @, tab or CR, which spreadsheets would evaluate.</summary>
internal static class CsvInjection
{
    public static string Strip(string text)
    {
        var index = 0;
        while (index < text.Length && JsText.IsWhiteSpace(text[index]))
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
