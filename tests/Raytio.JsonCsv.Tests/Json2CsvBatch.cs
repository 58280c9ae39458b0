using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Testing;

namespace Raytio.JsonCsv.Tests;

/// <summary>One case for json-2-csv under Node: the mode, the input and the options object.</summary>
public sealed record NodeCase(string Mode, JsonNode Input, JsonObject Options);

/// <summary>Runs many cases through json-2-csv in a single Node process (tests/interop/jsoncsv/batch.mjs).</summary>
public static class Json2CsvBatch
{
    /// <summary>Returns, per case, json-2-csv's output, or "ERROR: message" when it threw.</summary>
    public static async Task<List<string>> RunAsync(IReadOnlyList<NodeCase> cases)
    {
        var input = new StringBuilder();
        foreach (var item in cases)
        {
            var line = new JsonObject
            {
                ["mode"] = item.Mode,
                ["input"] = item.Input.DeepClone(),
                ["options"] = item.Options.DeepClone(),
            };
            input.Append(line.ToJsonString()).Append('\n');
        }
        var output = await NodeScript.RunAsync("jsoncsv/batch.mjs", input.ToString(), TimeSpan.FromMinutes(3));
        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(result => result.TryGetProperty("output", out var text) ? text.GetString()! : "ERROR: " + result.GetProperty("error").GetString())
            .ToList();
        Assert.Equal(cases.Count, results.Count);
        return results;
    }
}
