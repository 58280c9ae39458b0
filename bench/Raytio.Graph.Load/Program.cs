using System.Diagnostics;
using Raytio.Graph.Load;

// Loads a permissioned graph of a given size into a server's database for bench/graph/run.sh.
// Usage: see LoadOptions.Usage.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception invalid) when (invalid is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {invalid.Message}\n{LoadOptions.Usage}");
    return 2;
}

var clock = Stopwatch.StartNew();
await using GraphStore store = options.SqlitePath is { } path ? new SqliteGraphStore(path) : new PostgresGraphStore(options.PostgresConnection!);
var existing = await store.ReadExistingAsync(options.Accounts);
BenchGraph? graph = null;
foreach (var pass in store.Passes)
{
    await store.BeginAsync(pass);
    graph = new GraphGenerator(existing, store, options.Objects, options.Seed, options.MemberShare).Generate();
    await store.EndPassAsync();
    Console.Error.WriteLine(FormattableString.Invariant($"[load] pass {pass} done at {clock.Elapsed.TotalSeconds:F1} s"));
}
var written = clock.Elapsed;
await store.FinishAsync();
var total = clock.Elapsed;

Directory.CreateDirectory(options.OutputDirectory);
await File.WriteAllLinesAsync(Path.Combine(options.OutputDirectory, "owner-objects.txt"), graph!.OwnerObjects.Select(k => k.ToString()));
await File.WriteAllLinesAsync(Path.Combine(options.OutputDirectory, "member-objects.txt"), graph.MemberVisibleObjects.Select(k => k.ToString()));
var counts = graph.Counts;
string[] summary =
[
    $"objects={counts.Objects}",
    $"accounts={counts.Accounts}",
    $"labels={counts.Labels}",
    $"groups={counts.Groups}",
    $"memberships={counts.Memberships}",
    $"grants={counts.Grants}",
    $"cascaded_grants={counts.CascadedGrants}",
    $"public_shares={counts.PublicShares}",
    $"object_relationships={counts.ObjectRelationships}",
    $"relationships={counts.Relationships}",
    FormattableString.Invariant($"mean_properties_bytes={(double)counts.PropertyBytes / counts.Objects:F0}"),
    $"owner_objects={graph.OwnerObjects.Count}",
    $"member_visible_objects={graph.MemberVisibleObjects.Count}",
    $"cascade_root={graph.CascadeRoot}",
    $"member_u_id={graph.MemberUserId}",
    FormattableString.Invariant($"write_seconds={written.TotalSeconds:F1}"),
    FormattableString.Invariant($"load_seconds={total.TotalSeconds:F1}"),
    FormattableString.Invariant($"load_cpu_seconds={Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1}"),
];
await File.WriteAllLinesAsync(Path.Combine(options.OutputDirectory, "summary.txt"), summary);
Console.WriteLine(string.Join(' ', summary));
return 0;
