using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Raytio.JsonCsv.Tests;

/// <summary>
/// Deterministic random JSON documents and CSV texts for the differential tests: nested objects, arrays of
/// scalars and objects, missing and extra keys, unicode, delimiters, quotes, line breaks, numbers, date
/// strings and null. Values stay inside what JavaScript represents exactly (integers within 2^53).
/// </summary>
/// <param name="flatArrayObjects">Objects inside arrays get only undotted keys and scalar values (json-2-csv's expandArrayObjects mishandles others).</param>
/// <param name="emptyNames">Objects may also have the name "" (json-2-csv drops it from detected keys; docs/JSON-CSV.md).</param>
public sealed class RandomDocuments(int seed, bool flatArrayObjects = false, bool emptyNames = false)
{
    private static readonly string[] TopKeys = ["id", "name", "price", "tags", "owner", "when", "note", "x.y", "qty", "1", "flag", "meta"];
    private static readonly string[] InnerKeys = ["a", "b", "c", "d.e", "z", "2"];
    private static readonly string[] FlatInnerKeys = ["a", "b"];
    private static readonly string[] Fragments =
    [
        "alpha", "Beta", " spaced ", ",", ";", "|", "\"", "\"quoted\"", "\n", "\r\n", "\t", "é", "😀", "漢字", "=SUM(A1)",
        "-neg", "@at", "+plus", "a.b", "2024-01-02T03:04:05.000Z", "2024-02-29", "Tue Jan 02 2024", "null", "true", "12", "",
    ];

    private readonly Random _random = new(seed);

    public JsonArray Documents(int maxCount = 6)
    {
        var documents = new JsonArray();
        var count = _random.Next(0, maxCount + 1);
        for (var i = 0; i < count; i++)
        {
            documents.Add(Object(TopKeys, depth: 0));
        }
        return documents;
    }

    /// <summary>
    /// Documents of one schema (each key keeps its type and key order) with arrays of scalars and of objects,
    /// the shape unwindArrays is meant for; json-2-csv mixes fields of different items when a key is an object
    /// in one item and an array in another.
    /// </summary>
    public JsonArray SchemaDocuments(int maxCount = 3)
    {
        var documents = new JsonArray();
        var count = _random.Next(0, maxCount + 1);
        for (var i = 0; i < count; i++)
        {
            documents.Add(new JsonObject
            {
                ["id"] = _random.Next(1000),
                ["name"] = String(),
                ["tags"] = new JsonArray(Enumerable.Range(0, _random.Next(0, 3)).Select(_ => (JsonNode?)NonEmptyScalar()).ToArray()),
                ["items"] = new JsonArray(Enumerable.Range(0, _random.Next(0, 3)).Select(_ => (JsonNode?)new JsonObject
                {
                    ["sku"] = String(),
                    ["parts"] = new JsonArray(Enumerable.Range(0, _random.Next(0, 3)).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
                }).ToArray()),
                ["meta"] = new JsonObject { ["note"] = String(), ["codes"] = new JsonArray(Enumerable.Range(0, _random.Next(0, 3)).Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()) },
            });
        }
        return documents;
    }

    /// <summary>A CSV text with a header row, and the fields of every line (header included) it was written from.</summary>
    /// <param name="jsonArrays">Include JSON arrays (json-2-csv leaves most of them unparsed when trimming values).</param>
    public (string Text, List<List<string>> Lines) Csv(string field = ",", bool jsonArrays = true)
    {
        var columns = _random.Next(1, 6);
        var header = Enumerable.Range(0, columns).Select(_ => Pick(["id", "name", "a.b", "a.c", "x\\.y", "n", "deep.er.key", "7"])).Distinct().ToList();
        var lines = new List<List<string>> { header };
        var rows = _random.Next(0, 6);
        for (var r = 0; r < rows; r++)
        {
            lines.Add(header.Select(_ => CsvValue(jsonArrays)).ToList());
        }
        var text = string.Join("\n", lines.Select(line => string.Join(field, line.Select(value => Wrap(value, field)))));
        return (text, lines);
    }

    private string CsvValue(bool jsonArrays) => _random.Next(12) switch
    {
        0 => _random.Next(-100000, 100000).ToString(CultureInfo.InvariantCulture),
        1 => Decimal(),
        2 => Pick(["true", "false", "null", "undefined", ""]),
        3 => jsonArrays ? "[1,\"x\",{\"k\":null}]" : "{}",
        4 => "{\"k\":[1,2],\"j\":\"v\"}",
        5 => Pick([" 5 ", "1.50", "-0", "00", "1e5", "-", "1e400", "[1", "{bad"]),
        // A JSON string literal stays text here but not in json-2-csv when unwrapped (docs/JSON-CSV.md).
        _ => String() is var text && text.TrimStart().StartsWith('"') ? "x" + text : text,
    };

    private string Wrap(string value, string field)
    {
        var mustWrap = value.Contains(field, StringComparison.Ordinal) || value.AsSpan().IndexOfAny('"', '\n', '\r') >= 0;
        return mustWrap || _random.Next(8) == 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private JsonObject Object(string[] keys, int depth)
    {
        keys = emptyNames ? [.. keys, ""] : keys;
        var result = new JsonObject();
        var chosen = keys.OrderBy(_ => _random.Next()).Take(_random.Next(0, keys.Length));
        foreach (var key in chosen)
        {
            result[key] = Value(depth);
        }
        return result;
    }

    private JsonNode? Value(int depth)
    {
        var choice = _random.Next(depth >= 2 ? 7 : 10);
        return choice switch
        {
            0 => null,
            1 => JsonValue.Create(_random.Next(2) == 0),
            2 => JsonValue.Create(_random.NextInt64(-(1L << 53), 1L << 53) >> _random.Next(0, 50)),
            3 => JsonNode.Parse(Decimal()),
            4 or 5 or 6 => JsonValue.Create(String()),
            7 => Object(InnerKeys, depth + 1),
            8 => new JsonArray(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => flatArrayObjects ? NonEmptyScalar() : Value(2)).ToArray()),
            _ => new JsonArray(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => (JsonNode?)ArrayItemObject(depth)).ToArray()),
        };
    }

    /// <summary>
    /// With flatArrayObjects, array items are objects with the same undotted keys and non-empty scalar values:
    /// json-2-csv's expandArrayObjects mishandles nested keys and drops null, "" and missing items inconsistently.
    /// </summary>
    private JsonObject ArrayItemObject(int depth)
    {
        if (!flatArrayObjects)
        {
            return Object(InnerKeys, depth + 1);
        }
        var item = new JsonObject();
        foreach (var key in FlatInnerKeys)
        {
            item[key] = NonEmptyScalar();
        }
        return item;
    }

    private JsonNode NonEmptyScalar() => _random.Next(3) switch
    {
        0 => JsonValue.Create(_random.Next(-50, 50)),
        1 => JsonValue.Create(_random.Next(2) == 0),
        _ => JsonValue.Create("s" + String()),
    };

    private string Decimal() => _random.Next(5) switch
    {
        0 => (_random.NextDouble() * 1000).ToString("R", CultureInfo.InvariantCulture),
        1 => "1e-7",
        2 => "-0.5",
        3 => "1.5e21",
        _ => (_random.Next(-999, 999) / 8.0).ToString("R", CultureInfo.InvariantCulture),
    };

    private string String()
    {
        var parts = _random.Next(0, 4);
        var text = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            text.Append(Pick(Fragments));
        }
        return text.ToString();
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
