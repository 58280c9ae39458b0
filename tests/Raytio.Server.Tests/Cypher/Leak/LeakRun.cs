using Raytio.Server.Tests.Cypher.Differential;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Cypher.Leak;

/// <summary>
/// What a leak run found: leaks; answers where only Kuzu disagrees (the differential suite's
/// business); queries that ran out of time on the server (they answer no data, so they show no
/// leak either way) out of <see cref="Asked"/>.
/// </summary>
public sealed record LeakFindings(IReadOnlyList<string> Leaks, IReadOnlyList<string> KuzuDisagreements, IReadOnlyList<string> TimedOut, int Asked);

/// <summary>
/// One leak run (docs/CYPHER.md, "Leak suite"): a seeded graph with seeded permission facts is
/// written into the server; each seeded query is asked through operation 64 as each
/// <see cref="Viewer"/> and compared with Kuzu's answer on the sub-graph that viewer may see,
/// worked out from the facts alone. A query whose answers differ is asked again of the server
/// with that sub-graph alone loaded, wholly visible to its owner: a different answer there is a
/// leak; the same answer is a semantic difference between the server and Kuzu, not a leak.
/// </summary>
public static class LeakRun
{
    public static async Task<LeakFindings> RunAsync(RaytioFactory app, int seed, GraphSize size, int queryCount)
    {
        var graph = GraphGenerator.Generate(seed, size);
        var facts = PermissionFacts.Generate(seed, graph);
        var generator = new QueryGenerator(seed);
        var queries = Enumerable.Range(0, queryCount).Select(_ => generator.Next()).ToList();
        var cypher = queries.Select(CypherWriter.Write).ToList();
        var translated = queries.Select(KuzuTranslation.Translate).ToList();
        var endpoint = new ServerCypherEndpoint(app);

        // Kuzu answers in the background (one process per distinct sub-graph) while the server does.
        var kuzu = new Dictionary<string, Task<IReadOnlyList<QueryAnswer>>>();
        foreach (var viewer in Enum.GetValues<Viewer>())
        {
            kuzu.TryAdd(SubGraphKey(viewer), KuzuRunner.RunAsync(VisibleGraph.Of(graph, facts, viewer), translated));
        }

        var suspects = new List<(Viewer Viewer, int Query, QueryAnswer Actual, string Difference)>();
        var timedOut = new List<string>();
        var world = await LeakWorld.LoadAsync(app, graph, facts);
        try
        {
            foreach (var viewer in Enum.GetValues<Viewer>())
            {
                var expected = await kuzu[SubGraphKey(viewer)];
                for (var i = 0; i < queries.Count; i++)
                {
                    var actual = await endpoint.AskAsync(cypher[i], world.BearerOf(viewer));
                    if (IsTimeout(actual))
                    {
                        timedOut.Add($"graph {seed}, {viewer}, query {i}: {cypher[i]}");
                    }
                    else if (ResultComparer.Difference(expected[i], actual, queries[i].Ordered) is { } difference)
                    {
                        suspects.Add((viewer, i, actual, difference));
                    }
                }
            }
        }
        finally
        {
            await GraphLoader.UnloadAsync(app, world.NodeIds);
        }

        var leaks = new List<string>();
        var disagreements = new List<string>();
        foreach (var byViewer in suspects.GroupBy(s => s.Viewer))
        {
            var owner = await GraphUser.CreateAsync(app);
            var alone = await GraphLoader.LoadAsync(app, VisibleGraph.Of(graph, facts, byViewer.Key), owner);
            try
            {
                foreach (var (viewer, i, actual, difference) in byViewer)
                {
                    var onSubGraph = await endpoint.AskAsync(cypher[i], owner.Bearer);
                    var text = $"graph {seed}, {viewer}, query {i}: {cypher[i]}\n  kuzu: {translated[i]}\n  {difference}";
                    if (IsTimeout(onSubGraph))
                    {
                        timedOut.Add($"{text}\n  on the sub-graph alone: timed out");
                    }
                    else if (ResultComparer.Difference(onSubGraph, actual, queries[i].Ordered) is { } leak)
                    {
                        leaks.Add($"{text}\n  on the sub-graph alone: {leak}");
                    }
                    else
                    {
                        disagreements.Add(text);
                    }
                }
            }
            finally
            {
                await GraphLoader.UnloadAsync(app, alone.Values);
            }
        }
        return new LeakFindings(leaks, disagreements, timedOut, queries.Count * Enum.GetValues<Viewer>().Length);
    }

    private static bool IsTimeout(QueryAnswer answer) => answer.Error?.Contains("query_timeout", StringComparison.Ordinal) == true;

    private static string SubGraphKey(Viewer viewer) => string.Join(",", VisibleGraph.PrincipalsOf(viewer).Order());
}
