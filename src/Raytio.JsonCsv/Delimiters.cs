using System.Text.Json;
using Raytio.JsonCsv.Options;

namespace Raytio.JsonCsv;

/// <summary>json-2-csv's <c>delimiter</c> option: field separator, wrap (quote) string and end of line.</summary>
public sealed record Delimiters(string Field = ",", string Wrap = "\"", string Eol = "\n")
{
    public static Delimiters FromJson(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw OptionReader.WrongType("delimiter", "an object", value);
        }
        var result = new Delimiters();
        foreach (var property in value.EnumerateObject())
        {
            var name = "delimiter." + property.Name;
            result = property.Name switch
            {
                "field" => result with { Field = OptionReader.Delimiter(name, property.Value, ",") },
                "wrap" => result with { Wrap = OptionReader.Delimiter(name, property.Value, "\"") },
                "eol" => result with { Eol = OptionReader.Delimiter(name, property.Value, "\n") },
                _ => throw OptionReader.Unknown(name),
            };
        }
        return result;
    }
}
