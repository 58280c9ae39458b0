using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Raytio.JsonCsv.Tests;

/// <summary>
/// Deterministic random JSON documents and CSV texts for the differential tests: nested objects, arrays of
/// scalars and objects, missing and extra keys, unicode, delimiters, quotes, line breaks, numbers, date
/// strings and null. Values stay inside what JavaScript represents exactly (integers within 2^53).
/// </summary>
public sealed class RandomDocuments(int seed)
{
    private static readonly string[] TopKeys = ["id", "name", "price", "tags", "owner", "when", "note", "x.y", "qty", "1", "flag", "meta"];
    private static readonly string[] InnerKeys = ["a", "b", "c", "d.e", "z", "2"];
    private static readonly string[] Fragments =
    [
        "alpha", "Beta", " spaced ", ",", ";", "|", "\"", "\"quoted\"", "\n", "\r\n", "\t", "é", "😀", "漢字", "=SUM(A1)",
        "-neg", "@at", "+plus", "a.b", "2024-01-02T03:04:05.000Z", "2024-02-29", "Tue Jan 02 2024", "null", "true", "12", "",
    ];

    private readonly Random _random = new(seed);

    public JsonArray Documents(int maxCount = 6, bool stableKeyOrder = false)
    {
        var documents = new JsonArray();
        var count = _random.Next(0, maxCount + 1);
        for (var i = 0; i < count; i++)
        {
            documents.Add(Object(TopKeys, depth: 0, stableKeyOrder));
        }
        return documents;
    }

    /// <summary>A CSV text with a header row that json-2-csv parses correctly (no CRLF, no blank lines, no big integers).</summary>
    public string Csv(string field = ",")
    {
        var columns = _random.Next(1, 6);
        var header = Enumerable.Range(0, columns).Select(_ => Pick(["id", "name", "a.b", "a.c", "x\\.y", "n", "deep.er.key", "7"])).Distinct().ToList();
        var text = new StringBuilder(string.Join(field, header));
        var rows = _random.Next(0, 6);
        for (var r = 0; r < rows; r++)
        {
            text.Append('\n');
            text.Append(string.Join(field, header.Select(_ => CsvField(field))));
        }
        return text.ToString();
    }

    private string CsvField(string field)
    {
        var raw = _random.Next(12) switch
        {
            0 => _random.Next(-100000, 100000).ToString(CultureInfo.InvariantCulture),
            1 => Decimal(),
            2 => Pick(["true", "false", "null", "undefined", ""]),
            3 => "[1,\"x\",{\"k\":null}]",
            4 => "{\"k\":[1,2],\"j\":\"v\"}",
            5 => Pick([" 5 ", "1.50", "-0", "00", "1e5", "-", "1e400", "[1", "{bad"]),
            _ => String(),
        };
        var mustWrap = raw.Contains(field, StringComparison.Ordinal) || raw.Contains('"', StringComparison.Ordinal) || raw.Contains('\n', StringComparison.Ordinal) || raw.Contains('\r', StringComparison.Ordinal);
        // A field holding only line breaks, or a JSON string literal, is outside what json-2-csv parses correctly.
        if (raw.Trim('\r', '\n').Length == 0 && raw.Length > 0 || raw.TrimStart().StartsWith('"'))
        {
            raw = "x" + raw;
        }
        return mustWrap || _random.Next(8) == 0 ? "\"" + raw.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : raw;
    }

    private JsonObject Object(string[] keys, int depth, bool stableKeyOrder)
    {
        var result = new JsonObject();
        var chosen = stableKeyOrder ? keys.Where(_ => _random.Next(3) > 0) : keys.OrderBy(_ => _random.Next()).Take(_random.Next(0, keys.Length));
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
            7 => Object(InnerKeys, depth + 1, stableKeyOrder: false),
            8 => new JsonArray(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Value(2)).ToArray()),
            _ => new JsonArray(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => (JsonNode?)Object(InnerKeys, depth + 1, stableKeyOrder: false)).ToArray()),
        };
    }

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
