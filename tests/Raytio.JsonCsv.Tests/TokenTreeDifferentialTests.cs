using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Raytio.JsonCsv.Tests;

/// <summary>
/// The token-level json2csv passes (key detection and row writing from reader tokens) give byte for byte the
/// output of the object-tree path on random documents, for every option set where at least one pass uses tokens.
/// </summary>
public sealed class TokenTreeDifferentialTests
{
    private const int ArraysPerOptionSet = 400;

    public static readonly TheoryData<string> OptionSets =
    [
        "{}",
        """{"keys":["id","owner","owner.a","owner.d\\.e","tags","tags.a","x\\.y","1","","owner.","missing","meta.2"]}""",
        """{"keys":[{"field":"owner","wildcardMatch":true},{"field":"id","title":"ID"},"name",{"field":"","wildcardMatch":true}]}""",
        """{"excludeKeys":["owner","note","meta.a",""]}""",
        """{"sortHeader":true}""",
        """{"expandNestedObjects":false}""",
        """{"expandNestedObjects":false,"keys":["owner","owner.a","tags","id"]}""",
        """{"delimiter":{"field":";","wrap":"'","eol":"\r\n"},"prependHeader":false}""",
        """{"escapeHeaderNestedDots":false,"trimHeaderFields":true,"excelBOM":true,"fieldTitleMap":{"id":"ID","owner.a":"A"}}""",
        // Value options write from the tree; the keys are still detected from tokens.
        """{"emptyFieldValue":"N/A"}""",
        """{"wrapBooleans":true,"preventCsvInjection":true,"trimFieldValues":true}""",
    ];

    [Theory]
    [MemberData(nameof(OptionSets))]
    public async Task TokenPathsGiveTheTreePathsOutput(string optionsJson)
    {
        var options = Json2CsvOptions.FromJson(JsonDocument.Parse(optionsJson).RootElement);
        var generator = new RandomDocuments(seed: StableSeed.From(optionsJson) ^ 0x70c, emptyNames: true);
        var mismatches = new List<string>();
        for (var i = 0; i < ArraysPerOptionSet; i++)
        {
            var json = Encoding.UTF8.GetBytes(generator.Documents(maxCount: 12).ToJsonString());
            var fromTokens = await ConvertAsync(json, options, useTokenPaths: true);
            var fromTrees = await ConvertAsync(json, options, useTokenPaths: false);
            if (!fromTokens.AsSpan().SequenceEqual(fromTrees))
            {
                mismatches.Add($"input {Encoding.UTF8.GetString(json)}\n tokens {JsonSerializer.Serialize(Encoding.UTF8.GetString(fromTokens))}\n trees  {JsonSerializer.Serialize(Encoding.UTF8.GetString(fromTrees))}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {ArraysPerOptionSet} differ; first ones:\n" + string.Join("\n\n", mismatches.Take(2)));
    }

    private static async Task<byte[]> ConvertAsync(byte[] json, Json2CsvOptions options, bool useTokenPaths)
    {
        using var output = new MemoryStream();
        await JsonToCsv.ConvertAsync(new MemoryStream(json), output, options, useTokenPaths, CancellationToken.None);
        return output.ToArray();
    }
}
