using System.Globalization;
using System.Text;
using Raytio.JsonCsv;
using Raytio.JsonCsv.Bench;

// Usage: Raytio.JsonCsv.Bench [sizesInMB, default 10,200] [node timeout in seconds, default 600] [runs, default 5]
//          – prints a Markdown table; each side converts `runs` times in one process, the fastest run after the
//            first counts (both sides warmed up).
//        Raytio.JsonCsv.Bench measure <json2csv|csv2json> <input> <output> <runs>  – one measurement (used internally).
if (args.Length > 0 && args[0] == "measure")
{
    return await DotnetRunner.MeasureAsync(args[1], args[2], args[3], int.Parse(args[4], CultureInfo.InvariantCulture));
}

var sizes = (args.Length > 0 ? args[0] : "10,200").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var nodeTimeout = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600);
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var repoRoot = FindRepoRoot();
var work = Directory.CreateTempSubdirectory("jsoncsv-bench-").FullName;
try
{
    var table = new StringBuilder()
        .AppendLine("| Direction | Input | json-2-csv (Node) MB/s | Raytio MB/s | Speed-up | json-2-csv peak RSS | Raytio peak working set | Raytio GC allocated |")
        .AppendLine("|---|---|---|---|---|---|---|---|");
    foreach (var megabytes in sizes)
    {
        var json = Path.Combine(work, $"input-{megabytes}.json");
        var csv = Path.Combine(work, $"input-{megabytes}.csv");
        InputGenerator.WriteJson(json, megabytes * 1_000_000L);
        await using (var jsonIn = File.OpenRead(json))
        await using (var csvOut = File.Create(csv))
        {
            await JsonToCsv.ConvertAsync(jsonIn, csvOut, new Json2CsvOptions { MaxInputBytes = long.MaxValue }, CancellationToken.None);
        }
        foreach (var (direction, input) in new[] { ("json2csv", json), ("csv2json", csv) })
        {
            var bytes = new FileInfo(input).Length;
            var ours = DotnetRunner.Run(direction, input, Path.Combine(work, "out-dotnet"), runs);
            var node = NodeRunner.Run(repoRoot, direction, input, Path.Combine(work, "out-node"), runs, nodeTimeout);
            table.AppendLine(Row(direction, bytes, node, ours));
            Console.Error.WriteLine($"{direction} {bytes / 1e6:F0} MB done");
        }
    }
    Console.WriteLine(table.ToString().TrimEnd());
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static string Row(string direction, long bytes, Measurement node, Measurement ours)
{
    var megabytes = bytes / 1e6;
    string Rate(Measurement m) => m.Error is null ? (megabytes / m.Seconds).ToString("F1", CultureInfo.InvariantCulture) : m.Error.StartsWith("timeout", StringComparison.Ordinal) ? $"< {megabytes / m.Seconds:F2} ({m.Error})" : m.Error;
    string Mb(long value) => (value / 1e6).ToString("F0", CultureInfo.InvariantCulture) + " MB";
    var nodeTimedOut = node.Error?.StartsWith("timeout", StringComparison.Ordinal) == true;
    var speedUp = ours.Error is not null || (node.Error is not null && !nodeTimedOut) ? "n/a"
        : (nodeTimedOut ? "> " : "") + (node.Seconds / ours.Seconds).ToString("F1", CultureInfo.InvariantCulture) + "x";
    return $"| {direction} | {megabytes:F0} MB | {Rate(node)} | {Rate(ours)} | {speedUp} | {(node.Error is null ? Mb(node.PeakRssBytes) : "n/a")} | {Mb(ours.PeakRssBytes)} | {Mb(ours.AllocatedBytes ?? 0)} |";
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Raytio.slnx")))
        {
            return dir.FullName;
        }
    }
    throw new InvalidOperationException("Raytio.slnx not found");
}
