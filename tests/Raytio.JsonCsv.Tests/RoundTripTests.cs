using System.Text.Json.Nodes;

namespace Raytio.JsonCsv.Tests;

/// <summary>Property: csv2json(json2csv(documents)) gives the documents back, for values CSV can carry unambiguously.</summary>
public sealed class RoundTripTests
{
    private static readonly string[] Keys = ["id", "name", "note", "price", "tags", "owner", "x.y"];
    private static readonly string[] Words = ["alpha", "x,y", "say \"hi\"", "two\nlines", "é😀", "=1+1", " pad "];

    [Fact]
    public void JsonToCsvToJsonGivesTheDocumentsBack()
    {
        var random = new Random(20_240_229);
        for (var run = 0; run < 500; run++)
        {
            var documents = new JsonArray(Enumerable.Range(0, random.Next(1, 6)).Select(_ => (JsonNode?)Document(random, depth: 0)).ToArray());
            var csv = JsonToCsv.Convert(documents.ToJsonString());
            var back = JsonNode.Parse(CsvToJson.Convert(csv));
            Assert.True(JsonNode.DeepEquals(documents, back), $"documents {documents.ToJsonString()}\ncsv {csv}\nback {back?.ToJsonString()}");
        }
    }

    /// <summary>
    /// Strings start with a letter so they never read as JSON. "owner" is always a nested object and no other
    /// value is: json-2-csv's format writes null below a missing parent, so a missing object cannot come back.
    /// </summary>
    private static JsonObject Document(Random random, int depth)
    {
        var document = new JsonObject();
        foreach (var key in Keys.Where(key => (depth == 0 && key == "owner") || random.Next(2) == 0).DefaultIfEmpty("id"))
        {
            document[depth == 0 ? key : key.Replace('.', '_')] = key == "owner" && depth == 0 ? Document(random, 1) : Scalar(random);
        }
        return document;
    }

    private static JsonNode? Scalar(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => JsonValue.Create(random.NextInt64(long.MinValue, long.MaxValue)),
        3 => JsonNode.Parse((random.Next(-10_000, 10_000) / 16.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        4 => "s" + Words[random.Next(Words.Length)],
        _ => new JsonArray(JsonValue.Create(random.Next(100)), "s" + Words[random.Next(Words.Length)]),
    };
}
