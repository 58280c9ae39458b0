namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// The differential harness checked with Kuzu standing in for operation 64: Kuzu agrees with
/// itself, and an endpoint that loses rows is caught.
/// </summary>
public sealed class DifferentialRunTests
{
    private const int Seed = 21;

    [Fact]
    public async Task Kuzu_agrees_with_itself()
    {
        Assert.Empty(await DifferentialRun.DifferencesAsync(new KuzuStandIn(dropRow: false), seed: Seed, GraphSize.Small, queryCount: 40));
    }

    [Fact]
    public async Task An_endpoint_that_loses_a_row_is_caught()
    {
        Assert.NotEmpty(await DifferentialRun.DifferencesAsync(new KuzuStandIn(dropRow: true), seed: Seed, GraphSize.Small, queryCount: 40));
    }

    /// <summary>Answers through Kuzu with the translation, optionally dropping each answer's first row.</summary>
    private sealed class KuzuStandIn(bool dropRow) : ICypherEndpoint
    {
        private GeneratedGraph? _graph;

        public Task LoadAsync(GeneratedGraph graph)
        {
            _graph = graph;
            return Task.CompletedTask;
        }

        public async Task<IReadOnlyList<QueryAnswer>> QueryAsync(IReadOnlyList<string> queries)
        {
            // The texts are openCypher; the stand-in regenerates the run's queries to translate them.
            var generator = new QueryGenerator(Seed);
            var translated = queries.Select(_ => KuzuTranslation.Translate(generator.Next())).ToList();
            var answers = await KuzuRunner.RunAsync(_graph!, translated);
            return [.. answers.Select(a => dropRow && a.Rows.Count > 0 ? a with { Rows = [.. a.Rows.Skip(1)] } : a)];
        }
    }
}
