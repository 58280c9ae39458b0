using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Cypher;
using Raytio.Cypher.Compiler;
using Raytio.Server.Data;
using Raytio.Server.Features.CypherQueries;
using Raytio.Server.Features.Graph;

namespace Raytio.Cypher.Bench;

/// <summary>Operation 64 against hand-written SQL and Kuzu, for bench/cypher/run.sh. Usage: <see cref="BenchOptions.Usage"/>.</summary>
internal static class CypherBench
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception invalid) when (invalid is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"error: {invalid.Message}\n{BenchOptions.Usage}");
            return 2;
        }

        await using var host = new BenchHost(options);
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<RaytioDbContext>();
        // Opened here, so operation 64 (which opens and closes it per query) and the hand-written SQL share this one connection.
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var sql = new HandSql(Postgres: !db.Database.IsSqlite());
        var service = services.GetRequiredService<CypherQueryService>();
        var runner = services.GetRequiredService<CompiledQueryRunner>();
        var limits = services.GetRequiredService<IOptions<CypherQueryOptions>>().Value;
        var visibility = await services.GetRequiredService<CallerVisibility>().OfAsync(options.Caller, CancellationToken.None);
        var me = visibility.UserNodeId ?? throw new InvalidOperationException($"the caller {options.Caller} has no graph node");
        var everyone = await db.GraphNodes.Where(n => n.Key == PublicGroup.Key).Select(n => n.Id).SingleAsync();

        var exported = await KuzuExport.WriteAsync(connection, sql, me, everyone, options);
        Console.Error.WriteLine($"[cypher] the caller sees {exported} objects; timing Kuzu on them");
        var kuzu = await RunKuzuAsync(options);
        Console.WriteLine(FormattableString.Invariant($"KUZU load_ms={kuzu.GetProperty("loadMs").GetDouble():F0} objects={exported}"));

        var failed = false;
        foreach (var query in BenchQueries.All.Where(q => options.Queries.Contains(q.Name)))
        {
            var request = new CypherQueryRequest(query.Cypher, query.JsonParameters);
            var compiled = CypherCompiler.Compile(CypherParser.Parse(query.Cypher),
                new CompileContext(runner.Dialect, visibility, limits.MaxVariableLength, limits.MaxRows, query.JsonParameters, ValueMarkers.Unguessable()));
            await File.WriteAllTextAsync(Path.Combine(options.KuzuDirectory, $"compiled-{query.Name}.sql"), compiled.Sql);
            await File.WriteAllTextAsync(Path.Combine(options.KuzuDirectory, $"compiled-{query.Name}.json"),
                JsonSerializer.Serialize(compiled.Parameters.ToDictionary(p => p.Name, p => p.Value)));
            await File.WriteAllTextAsync(Path.Combine(options.KuzuDirectory, $"hand-{query.Name}.sql"), query.Hand(sql));

            var handParameters = query.Parameters.Select(p => new SqlParameter(p.Key, p.Value)).Append(new("me", me)).Append(new("public", everyone)).ToList();
            await File.WriteAllTextAsync(Path.Combine(options.KuzuDirectory, $"plan-compiled-{query.Name}.txt"),
                await Plans.ExplainAsync(connection, sql.Postgres, compiled.Sql, compiled.Parameters));
            await File.WriteAllTextAsync(Path.Combine(options.KuzuDirectory, $"plan-hand-{query.Name}.txt"),
                await Plans.ExplainAsync(connection, sql.Postgres, query.Hand(sql), handParameters));

            Answer? viaOperation64 = null, viaCompiled = null, byHand = null;
            async Task Operation64() => viaOperation64 = Answer.FromOperation64(await service.RunAsync(options.Caller, request, CancellationToken.None));
            async Task Compiled() => viaCompiled = new Answer([.. (await runner.RunAsync(compiled, CancellationToken.None)).Rows.Select(r => string.Join(" | ", r.Select(Canonical)))]);
            async Task Hand()
            {
                await using var command = KuzuExport.Command(connection, query.Hand(sql), me, everyone);
                foreach (var (name, value) in query.Parameters)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = value;
                    command.Parameters.Add(parameter);
                }
                await using var reader = await command.ExecuteReaderAsync();
                byHand = await Answer.ReadAsync(reader);
            }

            // Two parts of operation 64 on their own, to tell its fixed cost from the SQL's.
            Task Principals() => services.GetRequiredService<CallerVisibility>().OfAsync(options.Caller, CancellationToken.None);
            Task Compile()
            {
                CypherCompiler.Compile(CypherParser.Parse(query.Cypher), new CompileContext(
                    runner.Dialect, visibility, limits.MaxVariableLength, limits.MaxRows, query.JsonParameters, ValueMarkers.Unguessable()));
                return Task.CompletedTask;
            }

            var times = await Measurement.AlternateAsync([Operation64, Compiled, Hand, Principals, Compile], options.TimePerQuery, options.MinimumRounds);
            var onKuzu = kuzu.GetProperty("queries").EnumerateArray().Single(q => q.GetProperty("name").GetString() == query.Name);
            var kuzuAnswer = onKuzu.TryGetProperty("rows", out var rows) ? Answer.FromKuzu(rows) : null;
            var (op64Answer, compiledAnswer, handAnswer) = (viaOperation64!, viaCompiled!, byHand!);
            var agree = op64Answer.SameAs(handAnswer, query.Ordered) && compiledAnswer.SameAs(handAnswer, query.Ordered);
            var kuzuAgrees = kuzuAnswer is not null && kuzuAnswer.SameAs(handAnswer, query.Ordered);
            if (!agree || !kuzuAgrees)
            {
                failed = true;
                Console.Error.WriteLine($"[cypher] {query.Name}: answers differ (operation 64 {op64Answer.Rows.Count} rows, compiled {compiledAnswer.Rows.Count}, "
                    + $"hand {handAnswer.Rows.Count}, Kuzu {(kuzuAnswer is null ? onKuzu.GetProperty("error").GetString() : kuzuAnswer.Rows.Count)})");
                foreach (var row in op64Answer.Rows.Take(3).Concat(handAnswer.Rows.Take(3)).Concat(kuzuAnswer?.Rows.Take(3) ?? []))
                {
                    Console.Error.WriteLine($"[cypher]   {row}");
                }
            }
            var kuzuTimes = onKuzu.TryGetProperty("runsMs", out var runs) ? runs.EnumerateArray().Select(r => r.GetDouble()).ToArray() : [];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT query={query.Name} rows={handAnswer.Rows.Count} agree={(agree && kuzuAgrees ? "yes" : "NO")} op64_ms={Measurement.Median(times[0]):F3} "
                + $"compiled_ms={Measurement.Median(times[1]):F3} hand_ms={Measurement.Median(times[2]):F3} "
                + $"kuzu_ms={(kuzuTimes.Length == 0 ? double.NaN : Measurement.Median(kuzuTimes)):F3} rounds={times[0].Length} kuzu_rounds={kuzuTimes.Length} "
                + $"principals_ms={Measurement.Median(times[3]):F3} compile_ms={Measurement.Median(times[4]):F3}"));
        }
        return failed ? 1 : 0;
    }

    // The compiled SQL's columns are JSON texts; the same canonical form as the other answers.
    private static string Canonical(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)?.ToJsonString(
        new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";

    private static async Task<JsonElement> RunKuzuAsync(BenchOptions options)
    {
        var start = new ProcessStartInfo("node", [options.KuzuScript, options.KuzuDirectory]) { RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kuzu-bench.mjs exited with {process.ExitCode}");
        }
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
