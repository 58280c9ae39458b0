using System.Text.Json.Nodes;
using Raytio.Server.Tests.Cypher.Differential;
using Raytio.Server.Tests.CypherQueries;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher.Leak;

public static class SceneQueries
{
    /// <summary>
    /// Asks a query over the scene (LABEL and SECRET filled in, the scene's parameters given) as
    /// <paramref name="caller"/> (null: anonymous) and compares the rows with <paramref name="expectedRows"/>
    /// (JSON, LABEL and SECRET filled in) as multisets.
    /// </summary>
    public static async Task AssertRowsAsync(this RaytioFactory app, LeakScene scene, GraphUser? caller, string query, string expectedRows)
    {
        var body = await (await app.QueryAsync(scene.Fill(query), scene.Parameters, caller?.Bearer)).AssertOkAsync();
        var actual = new QueryAnswer([], [.. JsonNode.Parse(body.GetProperty("data").GetRawText())!.AsArray().Select(r => r!.AsArray())]);
        var expected = new QueryAnswer([], [.. JsonNode.Parse(scene.Fill(expectedRows))!.AsArray().Select(r => r!.AsArray())]);
        var difference = ResultComparer.Difference(expected, actual, ordered: false);
        Assert.True(difference is null, $"{scene.Fill(query)} as {Name(scene, caller)}: {difference}");
    }

    private static string Name(LeakScene scene, GraphUser? caller) =>
        caller is null ? "anonymous" : caller == scene.Alice ? "Alice" : caller == scene.Bob ? "Bob" : caller.Id.ToString();
}
