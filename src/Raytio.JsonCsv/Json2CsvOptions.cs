using System.Text.Json;
using Raytio.JsonCsv.Options;

namespace Raytio.JsonCsv;

/// <summary>Options of json2csv, named and defaulted as json-2-csv 5.x names them.</summary>
public sealed class Json2CsvOptions
{
    public const long DefaultMaxInputBytes = 1L << 30;

    public Delimiters Delimiter { get; set; } = new();

    /// <summary>Columns to output, in this order; null detects them from the documents.</summary>
    public List<KeySpec>? Keys { get; set; }

    /// <summary>A key is excluded when it equals an entry or lies below it (entry + ".").</summary>
    public List<string> ExcludeKeys { get; set; } = [];

    public Dictionary<string, string> FieldTitleMap { get; set; } = [];

    public bool CheckSchemaDifferences { get; set; }

    /// <summary>Substituted for missing values, null and empty strings; null (the default) means no substitution.</summary>
    public JsonElement? EmptyFieldValue { get; set; }

    public bool EscapeHeaderNestedDots { get; set; } = true;

    public bool ExcelBom { get; set; }

    public bool ExpandNestedObjects { get; set; } = true;

    public bool ExpandArrayObjects { get; set; }

    public bool PrependHeader { get; set; } = true;

    public bool PreventCsvInjection { get; set; }

    public bool SortHeader { get; set; }

    public bool TrimFieldValues { get; set; }

    public bool TrimHeaderFields { get; set; }

    public bool UnwindArrays { get; set; }

    /// <summary>Accepted for compatibility; JSON input has no Date values, so date-like strings are output unchanged.</summary>
    public bool UseDateIso8601Format { get; set; }

    public bool WrapBooleans { get; set; }

    public long MaxInputBytes { get; set; } = DefaultMaxInputBytes;

    /// <summary>Parses a json-2-csv options object; unknown names and wrong types throw <see cref="JsonCsvOptionException"/>.</summary>
    public static Json2CsvOptions FromJson(JsonElement options)
    {
        OptionReader.RequireObject(options, "json2csv");
        OptionText.RequireDecodable(options, "json2csv");
        var result = new Json2CsvOptions();
        foreach (var option in options.EnumerateObject())
        {
            result.Apply(option);
        }
        return result;
    }

    private void Apply(JsonProperty option)
    {
        switch (option.Name)
        {
            case "delimiter": Delimiter = Delimiters.FromJson(option.Value); break;
            case "keys": Keys = option.Value.ValueKind == JsonValueKind.Null ? null : ReadKeys(option); break;
            case "excludeKeys": ExcludeKeys = OptionReader.StringList(option); break;
            case "fieldTitleMap": FieldTitleMap = ReadTitleMap(option); break;
            case "checkSchemaDifferences": CheckSchemaDifferences = OptionReader.Boolean(option); break;
            case "emptyFieldValue": EmptyFieldValue = option.Value.Clone(); break;
            case "escapeHeaderNestedDots": EscapeHeaderNestedDots = OptionReader.Boolean(option); break;
            case "excelBOM": ExcelBom = OptionReader.Boolean(option); break;
            case "expandNestedObjects": ExpandNestedObjects = OptionReader.Boolean(option); break;
            case "expandArrayObjects": ExpandArrayObjects = OptionReader.Boolean(option); break;
            case "prependHeader": PrependHeader = OptionReader.Boolean(option); break;
            case "preventCsvInjection": PreventCsvInjection = OptionReader.Boolean(option); break;
            case "sortHeader": SortHeader = OptionReader.Boolean(option); break;
            case "trimFieldValues": TrimFieldValues = OptionReader.Boolean(option); break;
            case "trimHeaderFields": TrimHeaderFields = OptionReader.Boolean(option); break;
            case "unwindArrays": UnwindArrays = OptionReader.Boolean(option); break;
            case "useDateIso8601Format": UseDateIso8601Format = OptionReader.Boolean(option); break;
            case "wrapBooleans": WrapBooleans = OptionReader.Boolean(option); break;
            case "arrayIndexesAsKeys" or "useLocaleFormat" or "parseValue":
                throw new JsonCsvOptionException(option.Name, $"Option '{option.Name}' is not supported.");
            default: throw OptionReader.Unknown(option.Name);
        }
    }

    private static List<KeySpec> ReadKeys(JsonProperty option)
    {
        if (option.Value.ValueKind != JsonValueKind.Array)
        {
            throw OptionReader.WrongType("keys", "an array", option.Value);
        }
        return option.Value.EnumerateArray().Select(ReadKey).ToList();
    }

    private static KeySpec ReadKey(JsonElement key)
    {
        if (key.ValueKind == JsonValueKind.String)
        {
            return new KeySpec(key.GetString()!);
        }
        if (key.ValueKind != JsonValueKind.Object
            || !key.TryGetProperty("field", out var field)
            || field.ValueKind != JsonValueKind.String)
        {
            throw OptionReader.WrongType("keys", "strings or objects with a string 'field'", key);
        }
        var spec = new KeySpec(field.GetString()!);
        foreach (var property in key.EnumerateObject())
        {
            spec = property.Name switch
            {
                "field" => spec,
                "title" when property.Value.ValueKind == JsonValueKind.String => spec with { Title = property.Value.GetString() },
                "title" => throw OptionReader.WrongType("keys.title", "a string", property.Value),
                "wildcardMatch" => spec with { WildcardMatch = OptionReader.Boolean(property) },
                _ => throw OptionReader.Unknown("keys." + property.Name),
            };
        }
        return spec;
    }

    private static Dictionary<string, string> ReadTitleMap(JsonProperty option)
    {
        if (option.Value.ValueKind != JsonValueKind.Object)
        {
            throw OptionReader.WrongType("fieldTitleMap", "an object of strings", option.Value);
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var title in option.Value.EnumerateObject())
        {
            map[title.Name] = title.Value.ValueKind == JsonValueKind.String
                ? title.Value.GetString()!
                : throw OptionReader.WrongType("fieldTitleMap", "an object of strings", option.Value);
        }
        return map;
    }
}
