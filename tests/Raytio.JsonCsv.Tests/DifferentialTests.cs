using System.Text.Json;
using System.Text.Json.Nodes;

namespace Raytio.JsonCsv.Tests;

/// <summary>
/// Compares this library byte for byte with json-2-csv 5.6.0 run under Node in the same test run, on
/// deterministic random inputs, for the default options and for each supported option.
/// </summary>
public sealed partial class DifferentialTests
{
    private const int DocumentsPerOptionSet = 500;

    public static readonly TheoryData<string> Json2CsvOptionSets =
    [
        "{}",
        """{"keys":["id","owner.a","tags","x\\.y","missing","meta"]}""",
        """{"keys":[{"field":"owner","wildcardMatch":true},{"field":"id","title":"ID"},"name"]}""",
        """{"excludeKeys":["owner","note","meta"]}""",
        """{"sortHeader":true}""",
        """{"prependHeader":false}""",
        """{"expandNestedObjects":false}""",
        """{"expandArrayObjects":true}""",
        """{"unwindArrays":true}""",
        """{"emptyFieldValue":""}""",
        """{"emptyFieldValue":"N/A"}""",
        """{"emptyFieldValue":null}""",
        """{"escapeHeaderNestedDots":false}""",
        """{"trimHeaderFields":true}""",
        """{"trimFieldValues":true}""",
        """{"useDateIso8601Format":true}""",
        """{"delimiter":{"field":";"}}""",
        """{"delimiter":{"wrap":"'"}}""",
        """{"delimiter":{"eol":"\r\n"}}""",
        """{"delimiter":{"field":"\t","wrap":"'","eol":"\r\n"}}""",
        """{"excelBOM":true}""",
        """{"preventCsvInjection":true}""",
        """{"checkSchemaDifferences":true}""",
        """{"wrapBooleans":true}""",
    ];

    public static readonly TheoryData<string> Csv2JsonOptionSets =
    [
        "{}",
        """{"trimHeaderFields":true,"trimFieldValues":true}""",
        """{"keys":["id","a.b","n"]}""",
        """{"excelBOM":true}""",
        """{"delimiter":{"field":";"}}""",
    ];

    [Theory]
    [MemberData(nameof(Json2CsvOptionSets))]
    public async Task Json2CsvMatchesJson2CsvPackage(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!.AsObject();
        var generator = new RandomDocuments(seed: StableSeed.From(optionsJson), flatArrayObjects: options.ContainsKey("expandArrayObjects"));
        // json-2-csv unwinds correctly only documents of one schema (docs/JSON-CSV.md).
        var unwinding = options.ContainsKey("unwindArrays");
        var cases = Enumerable.Range(0, DocumentsPerOptionSet)
            .Select(_ => new NodeCase("json2csv", unwinding ? generator.SchemaDocuments() : generator.Documents(), options))
            .ToList();
        var expected = await Json2CsvBatch.RunAsync(cases);
        var parsedOptions = Json2CsvOptions.FromJson(JsonDocument.Parse(optionsJson).RootElement);
        AssertAllMatch(cases, expected, input => JsonToCsv.Convert(input.ToJsonString(), parsedOptions));
    }

    [Theory]
    [MemberData(nameof(Csv2JsonOptionSets))]
    public async Task Csv2JsonMatchesJson2CsvPackage(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!.AsObject();
        var field = options["delimiter"]?["field"]?.GetValue<string>() ?? ",";
        var bom = options.ContainsKey("excelBOM") ? "\uFEFF" : "";
        var generator = new RandomDocuments(seed: StableSeed.From(optionsJson) ^ 0xc5f);
        var generated = Enumerable.Range(0, DocumentsPerOptionSet)
            .Select(_ => generator.Csv(field, jsonArrays: !options.ContainsKey("trimFieldValues")))
            .ToList();
        var splitCorrectly = await SplitCorrectlyByJson2CsvAsync(generated, options, bom);
        Assert.True(splitCorrectly.Count > DocumentsPerOptionSet / 2, $"json-2-csv split only {splitCorrectly.Count} CSVs correctly");
        var cases = splitCorrectly
            .Select(csv => new NodeCase("csv2json", JsonValue.Create(bom + csv), options))
            .ToList();
        var expected = await Json2CsvBatch.RunAsync(cases);
        var parsedOptions = Csv2JsonOptions.FromJson(JsonDocument.Parse(optionsJson).RootElement);
        AssertAllMatch(cases, expected, input => CsvToJson.Convert(input.GetValue<string>(), parsedOptions));
    }

    /// <summary>
    /// The CSVs json-2-csv splits into the records and fields they were written from (it mis-splits some valid
    /// CSV, listed in docs/JSON-CSV.md): every line, header included, is read as raw strings under generated names.
    /// </summary>
    private static async Task<List<string>> SplitCorrectlyByJson2CsvAsync(List<(string Text, List<List<string>> Lines)> generated, JsonObject options, string bom)
    {
        var cases = generated.Select(csv =>
        {
            var splitOptions = new JsonObject
            {
                ["rawValues"] = true,
                ["headerFields"] = new JsonArray(Enumerable.Range(0, csv.Lines[0].Count).Select(i => (JsonNode?)JsonValue.Create("c" + i)).ToArray()),
            };
            foreach (var name in new[] { "delimiter", "excelBOM" }.Where(options.ContainsKey))
            {
                splitOptions[name] = options[name]!.DeepClone();
            }
            return new NodeCase("csv2json", JsonValue.Create(bom + csv.Text), splitOptions);
        }).ToList();
        var splits = await Json2CsvBatch.RunAsync(cases);
        return generated.Where((csv, i) => IsSplitAsWritten(splits[i], csv.Lines)).Select(csv => csv.Text).ToList();
    }

    private static bool IsSplitAsWritten(string json2CsvOutput, List<List<string>> lines)
    {
        if (json2CsvOutput.StartsWith("ERROR", StringComparison.Ordinal))
        {
            return false;
        }
        var records = JsonNode.Parse(json2CsvOutput)!.AsArray();
        var written = new JsonArray(lines.Select(line => (JsonNode?)new JsonObject(line.Select((value, i) => KeyValuePair.Create("c" + i, (JsonNode?)JsonValue.Create(value))))).ToArray());
        return JsonNode.DeepEquals(records, written);
    }

    /// <summary>CSV written by json-2-csv from random documents, read back by both implementations.</summary>
    [Fact]
    public async Task Csv2JsonMatchesOnJson2CsvOutput()
    {
        var generator = new RandomDocuments(seed: 4242);
        var documents = Enumerable.Range(0, 3 * DocumentsPerOptionSet)
            .Select(_ => new NodeCase("json2csv", generator.Documents(), new JsonObject()))
            .ToList();
        var csvs = await Json2CsvBatch.RunAsync(documents);
        var cases = csvs.Where(IsParsedCorrectlyByJson2Csv)
            .Select(csv => new NodeCase("csv2json", JsonValue.Create(csv), new JsonObject()))
            .ToList();
        Assert.True(cases.Count >= 200, $"only {cases.Count} usable CSVs");
        var expected = await Json2CsvBatch.RunAsync(cases);
        AssertAllMatch(cases, expected, input => CsvToJson.Convert(input.GetValue<string>()));
    }

    /// <summary>
    /// Leaves out the inputs where json-2-csv is wrong (see docs/JSON-CSV.md): CR inside values, line-break-only
    /// fields, blank lines, wrapped fields starting with a delimiter or line break, an empty last field,
    /// numeric names below the top level (which it turns into arrays) and columns below other columns.
    /// </summary>
    private static bool IsParsedCorrectlyByJson2Csv(string csv) =>
        !csv.StartsWith("ERROR", StringComparison.Ordinal)
        && !NumericNestedName().IsMatch(csv.Split('\n')[0])
        && !HasColumnBelowAnother(csv.Split('\n')[0])
        && !csv.Contains('\r', StringComparison.Ordinal)
        && !csv.Contains("\"\n\"", StringComparison.Ordinal)
        && !WrappedFieldStartingWithDelimiterOrLineBreak().IsMatch(csv)
        && !csv.Contains("\n\n", StringComparison.Ordinal)
        && !csv.EndsWith('\n')
        && !csv.EndsWith(',');

    /// <summary>json-2-csv writes a column below a column holding an array into the array's items.</summary>
    private static bool HasColumnBelowAnother(string header)
    {
        var names = header.Split(',');
        return names.Any(name => names.Any(other => other.StartsWith(name + ".", StringComparison.Ordinal)));
    }

    [System.Text.RegularExpressions.GeneratedRegex("(^|\n|,)\"[,\n]")]
    private static partial System.Text.RegularExpressions.Regex WrappedFieldStartingWithDelimiterOrLineBreak();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\\)\.[0-9]+(,|$|\.)")]
    private static partial System.Text.RegularExpressions.Regex NumericNestedName();

    private static void AssertAllMatch(List<NodeCase> cases, List<string> expected, Func<JsonNode, string> convert)
    {
        var mismatches = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            string actual;
            try
            {
                actual = convert(cases[i].Input);
            }
            catch (JsonCsvException e)
            {
                actual = "ERROR: " + e.Message;
            }
            var same = expected[i].StartsWith("ERROR", StringComparison.Ordinal)
                ? actual.StartsWith("ERROR", StringComparison.Ordinal)
                : actual == expected[i];
            if (!same)
            {
                mismatches.Add($"input {cases[i].Input.ToJsonString()}\n options {cases[i].Options.ToJsonString()}\n json-2-csv {JsonSerializer.Serialize(expected[i])}\n ours       {JsonSerializer.Serialize(actual)}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cases.Count} differ; first ones:\n" + string.Join("\n\n", mismatches.Take(2)));
    }
}
