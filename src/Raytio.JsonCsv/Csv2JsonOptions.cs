using System.Text.Json;
using Raytio.JsonCsv.Options;

namespace Raytio.JsonCsv;

/// <summary>Options of csv2json, named as json-2-csv 5.x names them, plus <see cref="FlatKeys"/>.</summary>
public sealed class Csv2JsonOptions
{
    public const long DefaultMaxInputBytes = 1L << 30;

    public Delimiters Delimiter { get; set; } = new();

    /// <summary>Accepted for compatibility: a leading byte order mark is always removed.</summary>
    public bool ExcelBom { get; set; }

    /// <summary>Column names to use instead of a header line; the CSV then has no header line.</summary>
    public List<string>? HeaderFields { get; set; }

    /// <summary>Only these header names become properties; null keeps all.</summary>
    public List<string>? Keys { get; set; }

    public bool TrimHeaderFields { get; set; }

    public bool TrimFieldValues { get; set; }

    /// <summary>Our option: use header names as property names verbatim instead of nesting on dots.</summary>
    public bool FlatKeys { get; set; }

    public long MaxInputBytes { get; set; } = DefaultMaxInputBytes;

    /// <summary>Parses a json-2-csv options object; unknown names and wrong types throw <see cref="JsonCsvOptionException"/>.</summary>
    public static Csv2JsonOptions FromJson(JsonElement options)
    {
        OptionReader.RequireObject(options, "csv2json");
        OptionText.RequireDecodable(options, "csv2json");
        var result = new Csv2JsonOptions();
        foreach (var option in options.EnumerateObject())
        {
            switch (option.Name)
            {
                case "delimiter": result.Delimiter = Delimiters.FromJson(option.Value); break;
                case "excelBOM": result.ExcelBom = OptionReader.Boolean(option); break;
                case "headerFields": result.HeaderFields = NullableList(option); break;
                case "keys": result.Keys = NullableList(option); break;
                case "trimHeaderFields": result.TrimHeaderFields = OptionReader.Boolean(option); break;
                case "trimFieldValues": result.TrimFieldValues = OptionReader.Boolean(option); break;
                case "flatKeys": result.FlatKeys = OptionReader.Boolean(option); break;
                case "parseValue":
                    throw new JsonCsvOptionException(option.Name, "Option 'parseValue' is not supported.");
                default: throw OptionReader.Unknown(option.Name);
            }
        }
        return result;
    }

    private static List<string>? NullableList(JsonProperty option) =>
        option.Value.ValueKind == JsonValueKind.Null ? null : OptionReader.StringList(option);
}
