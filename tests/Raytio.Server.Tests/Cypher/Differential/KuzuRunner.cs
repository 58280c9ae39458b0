using System.Text.Json.Nodes;
using Raytio.Testing;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Answers a batch of queries on Kuzu through tests/interop/kuzu-run.mjs: one node process per
/// batch (the graph is loaded once into an in-memory database), not one per query.
/// </summary>
public static class KuzuRunner
{
    public static async Task<IReadOnlyList<QueryAnswer>> RunAsync(GeneratedGraph graph, IReadOnlyList<string> queries)
    {
        var input = new JsonObject
        {
            ["graph"] = KuzuGraphDescription.ToJson(graph),
            ["queries"] = new JsonArray([.. queries.Select(q => (JsonNode)q)]),
        };
        var output = JsonNode.Parse(await NodeScript.RunAsync("kuzu-run.mjs", input.ToJsonString()))!.AsArray();
        return [.. output.Select(answer => answer!["error"] is { } error
            ? QueryAnswer.Failed(error.GetValue<string>())
            : new QueryAnswer(
                [.. answer["columns"]!.AsArray().Select(c => c!.GetValue<string>())],
                [.. answer["rows"]!.AsArray().Select(r => r!.AsArray())]))];
    }
}
