using System.Globalization;
using System.Text;
using System.Text.Json;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Raytio.Server.Tests.GraphAuthorization.Model;

/// <summary>
/// Random sequences of profile-graph operations, each sent to the server and applied to the
/// reference model of docs/GRAPH.md (<see cref="GraphModel"/>): every answer's status must be the
/// one the model predicts, and after every step every user's (and anonymous callers') view, edit,
/// admin and own sets, relationships and groups must be the model's. Seeded; a failure names the
/// seed and every step so far. CI runs 5 sequences of 60 steps on each engine (some 30 s on
/// SQLite, 50 s on PostgreSQL); set RAYTIO_MODEL_STEPS for longer ones (bench runs) and
/// RAYTIO_MODEL_SEED to run one seed.
/// </summary>
public sealed class ModelBasedTests(RaytioFactory app, ITestOutputHelper output) : IClassFixture<RaytioFactory>
{
    public const string StepsVariable = "RAYTIO_MODEL_STEPS";
    public const string SeedVariable = "RAYTIO_MODEL_SEED";
    private const int UsersPerSequence = 3;

    public static TheoryData<int> Seeds =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var seed) ? [seed] : [1, 2, 3, 4, 5];

    private static int StepsPerSequence =>
        int.TryParse(Environment.GetEnvironmentVariable(StepsVariable), CultureInfo.InvariantCulture, out var steps) && steps > 0 ? steps : 60;

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_random_sequence_agrees_with_the_reference_model(int seed)
    {
        var users = new GraphUser[UsersPerSequence];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = await GraphUser.CreateAsync(app);
        }
        var model = new GraphModel(users.Length);
        var world = new ModelWorld(app, users, await app.NewSchemaAsync(users[0].Bearer, "model"), model);
        var random = new Random(seed);
        var generator = new StepGenerator(model, random);
        var log = new List<string>();
        for (var i = 0; i < StepsPerSequence; i++)
        {
            var step = generator.Next();
            model.Touched.Clear();
            var expected = step.Predict(model);
            var response = await step.SendAsync(world);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            log.Add($"{i,3}: {step} -> {status}");
            if (status != expected)
            {
                Fail(seed, log, model, $"step {i} ({step}) answered {status}, the model predicts {expected}: {text}");
            }
            if (status == 200 && step.Apply(world, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement) is { } wrongAnswer)
            {
                Fail(seed, log, model, $"step {i} ({step}): {wrongAnswer}");
            }
            if (model.Touched.Count > 0)
            {
                log[^1] += $" (grants changed on {string.Join(", ", model.Touched.Order().Select(o => $"o{o}"))})";
            }
            if (await ModelProbes.DisagreementAsync(world, random) is { } disagreement)
            {
                Fail(seed, log, model, $"after step {i} ({step}): {disagreement}");
            }
        }
        output.WriteLine($"seed {seed}: {log.Count} steps agree with the model");
        output.WriteLine(string.Join(Environment.NewLine, log));
    }

    private void Fail(int seed, List<string> log, GraphModel model, string what)
    {
        var report = new StringBuilder()
            .AppendLine(what)
            .AppendLine($"seed {seed} ({SeedVariable}={seed} replays it); steps:")
            .AppendLine(string.Join(Environment.NewLine, log))
            .AppendLine("model grants: " + string.Join("; ", model.Grants))
            .AppendLine("model relationships: " + string.Join("; ", model.Relations))
            .AppendLine("model groups: " + string.Join("; ", model.Groups.Select(g => $"g{g.Index} owner u{g.Owner} members [{string.Join(", ", g.Members.Order())}]{(g.Deleted ? " deleted" : "")}")))
            .AppendLine("deleted objects: " + string.Join(", ", model.Objects.Where(o => o.Deleted).Select(o => $"o{o.Index}")))
            .ToString();
        output.WriteLine(report);
        Assert.Fail(report);
    }
}
