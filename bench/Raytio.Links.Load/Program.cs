using System.Diagnostics;
using System.Globalization;
using Raytio.Links.Load;

// Loads short links into a migrated, stopped server's database for bench/links/run.sh.
const string usage = """
    Usage: Raytio.Links.Load --links N (--sqlite PATH | --postgres CONNECTION) --out FILE [--seed 42]
    Inserts N short links (half persisted, half expiring in 30 days) and writes their ids to FILE, one a line.
    """;
var values = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    values[args[i].TrimStart('-')] = args[i + 1];
}
if (args.Length % 2 != 0 || !values.TryGetValue("links", out var linksText) || !int.TryParse(linksText, CultureInfo.InvariantCulture, out var count)
    || count < 1 || !values.TryGetValue("out", out var output) || values.ContainsKey("sqlite") == values.ContainsKey("postgres"))
{
    Console.Error.WriteLine(usage);
    return 2;
}

var clock = Stopwatch.StartNew();
var rows = LinkRows.Generate(count, int.Parse(values.GetValueOrDefault("seed", "42"), CultureInfo.InvariantCulture));
if (values.TryGetValue("sqlite", out var path))
{
    await LinkStores.WriteSqliteAsync(path, rows);
}
else
{
    await LinkStores.WritePostgresAsync(values["postgres"], rows);
}
await File.WriteAllLinesAsync(output, rows.Select(r => r.Id));
Console.WriteLine(FormattableString.Invariant(
    $"links={rows.Count} mean_url_chars={rows.Average(r => r.Url.Length):F0} load_seconds={clock.Elapsed.TotalSeconds:F1} load_cpu_seconds={Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1}"));
return 0;
