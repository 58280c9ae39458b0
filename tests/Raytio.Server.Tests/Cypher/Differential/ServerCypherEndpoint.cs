using System.Text.Json.Nodes;
using Raytio.Server.Tests.CypherQueries;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// Operation 64 as the differential side: the graph is owned by a fresh user (so it is all they
/// see, whatever else the database holds), and each query is asked over HTTP as that user.
/// </summary>
public sealed class ServerCypherEndpoint(RaytioFactory app) : ICypherEndpoint
{
    private GraphUser? _caller;

    public async Task LoadAsync(GeneratedGraph graph)
    {
        _caller = await GraphUser.CreateAsync(app);
        await GraphLoader.LoadAsync(app, graph, _caller);
    }

    public async Task<IReadOnlyList<QueryAnswer>> QueryAsync(IReadOnlyList<string> queries)
    {
        var answers = new List<QueryAnswer>(queries.Count);
        foreach (var query in queries)
        {
            answers.Add(await AskAsync(query, _caller?.Bearer));
        }
        return answers;
    }

    /// <summary>One query's answer; an error status becomes a failed answer naming its code and message.</summary>
    public async Task<QueryAnswer> AskAsync(string query, string? bearer)
    {
        var response = await app.QueryAsync(query, bearer);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (!response.IsSuccessStatusCode)
        {
            return QueryAnswer.Failed($"{(int)response.StatusCode} {body["code"]}: {body["message"]}");
        }
        return new QueryAnswer(
            [.. body["columns"]!.AsArray().Select(c => c!.GetValue<string>())],
            [.. body["data"]!.AsArray().Select(r => r!.AsArray())]);
    }
}
