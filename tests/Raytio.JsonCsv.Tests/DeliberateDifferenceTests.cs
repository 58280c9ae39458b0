using System.Text.Json;
using System.Text.Json.Nodes;

namespace Raytio.JsonCsv.Tests;

/// <summary>
/// Every input class where this library deliberately differs from json-2-csv 5.6.0 (docs/JSON-CSV.md). Each case
/// runs json-2-csv in the same test run to show the difference is still real, and pins our output.
/// </summary>
public sealed class DeliberateDifferenceTests
{
    /// <summary>(name, mode, input, options, our output). For csv2json the input is the CSV text.</summary>
    public static readonly TheoryData<string, string, string, string, string> Cases = new()
    {
        { "integer beyond 2^53 keeps its digits", "json2csv", """[{"a":12345678901234567890}]""", "{}", "a\n12345678901234567890" },
        { "integer from 1e21 stays an integer", "json2csv", """[{"a":1000000000000000000000}]""", "{}", "a\n1000000000000000000000" },
        { "decimal beyond double precision keeps its digits", "json2csv", """[{"a":0.10000000000000000001}]""", "{}", "a\n0.10000000000000000001" },
        { "number beyond double range keeps its digits", "json2csv", """[{"a":1e400}]""", "{}", "a\n1e400" },
        { "excludeKeys excludes by prefix, not substring", "json2csv", """[{"a":1,"ab":2,"data":3}]""", """{"excludeKeys":["a"]}""", "ab,data\n2,3" },
        { "custom end of line inside a value is wrapped", "json2csv", """[{"a":"x|y"}]""", """{"delimiter":{"eol":"|"}}""", "a|\"x|y\"" },
        { "non-array JSON is an error", "json2csv", """{"a":1}""", "{}", "ERROR" },
        { "non-object row is an error", "json2csv", """[{"a":1},5]""", "{}", "ERROR" },
        { "expandArrayObjects keeps nested keys of array items", "json2csv", """[{"a":[{"b":{"c":1}}]}]""", """{"expandArrayObjects":true}""", "a.b.c\n1" },
        { "expandArrayObjects drops every missing item", "json2csv", """[{"a":[{"b":1},{"c":2},{"c":3}]}]""", """{"expandArrayObjects":true}""", "a.b,a.c\n1,\"[2,3]\"" },
        { "unwindArrays does not mix items of differently shaped arrays", "json2csv", """[{"a":[{"c":{"x":1}},{"c":[{"x":2},{"x":3}]}]}]""", """{"unwindArrays":true}""", "a.c.x\n1\n2\n3" },
        { "key with a backslash before a dot keeps its value", "json2csv", """[{"a\\.b":1}]""", "{}", "a\\\\.b\n1" },
        { "object under an empty name keeps the name in its key and its values", "json2csv", """[{"":{"a":1,"":2},"b":3}]""", "{}", ".a,.,b\n1,2,3" },
        { "unwindArrays unwinds an array under an empty name", "json2csv", """[{"":[1,2]}]""", """{"unwindArrays":true}""", "\n1\n2" },
        { "unbalanced quote is an error", "csv2json", "a,b\n\"unterminated,2\n3,4", "{}", "ERROR" },
        { "text after a closing quote is an error", "csv2json", "a,b\n\"x\" ,y", "{}", "ERROR" },
        { "CRLF ends records with the default end of line", "csv2json", "a,b\r\n1,2\r\n", "{}", """[{"a":1,"b":2}]""" },
        { "wrapped field starting with a line break", "csv2json", "a,b\n\"\nx\",1", "{}", """[{"a":"\nx","b":1}]""" },
        { "wrapped field starting with the field delimiter", "csv2json", "a,b\n\",x\",1", "{}", """[{"a":",x","b":1}]""" },
        { "empty last field after a wrapped field", "csv2json", "a,b\n\"x\",", "{}", """[{"a":"x","b":""}]""" },
        { "trailing blank line", "csv2json", "a,b\n1,2\n\n", "{}", """[{"a":1,"b":2},{"a":""}]""" },
        { "integer beyond 2^53 in CSV keeps its digits", "csv2json", "a\n9007199254740993", "{}", """[{"a":9007199254740993}]""" },
        { "numeric nested name makes an object, not an array", "csv2json", "a.2,a.b\n5,6", "{}", """[{"a":{"2":5,"b":6}}]""" },
        { "byte order mark is removed without excelBOM", "csv2json", "\uFEFFa\n1", "{}", """[{"a":1}]""" },
        { "trimFieldValues still parses JSON arrays", "csv2json", "a\n\"[1]\"", """{"trimFieldValues":true}""", """[{"a":[1]}]""" },
        { "JSON field with an escaped lone surrogate is an error", "csv2json", "a\n\"[\"\"\\ud800\"\"]\"", "{}", "ERROR" },
    };

    [Fact]
    public async Task EachCaseStillDiffersFromJson2CsvAndGivesOurOutput()
    {
        var cases = Cases.Select(row => ((string)row[0], (string)row[1], (string)row[2], (string)row[3], (string)row[4])).ToList();
        var nodeCases = cases.Select(c => new NodeCase(
            c.Item2,
            c.Item2 == "json2csv" ? JsonNode.Parse(c.Item3)! : JsonValue.Create(c.Item3),
            JsonNode.Parse(c.Item4)!.AsObject())).ToList();
        var json2Csv = await Json2CsvBatch.RunAsync(nodeCases);
        var problems = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var (name, mode, input, options, ours) = cases[i];
            var actual = Run(mode, input, options);
            if (actual != ours)
            {
                problems.Add($"{name}: ours {JsonSerializer.Serialize(actual)}, expected {JsonSerializer.Serialize(ours)}");
            }
            if (json2Csv[i] == ours || (ours == "ERROR" && json2Csv[i].StartsWith("ERROR", StringComparison.Ordinal)))
            {
                problems.Add($"{name}: json-2-csv gives the same output now");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Run(string mode, string input, string options)
    {
        try
        {
            var element = JsonDocument.Parse(options).RootElement;
            return mode == "json2csv"
                ? JsonToCsv.Convert(input, Json2CsvOptions.FromJson(element))
                : CsvToJson.Convert(input, Csv2JsonOptions.FromJson(element));
        }
        catch (JsonCsvException)
        {
            return "ERROR";
        }
    }
}
