using System.Diagnostics;
using System.Text.Json;

namespace Raytio.JsonCsv.Bench;

/// <summary>
/// Runs one .NET conversion in a fresh child process (this program with "measure"), so each peak working set
/// belongs to one conversion only; the child streams file to file as the server streams request to response.
/// </summary>
internal static class DotnetRunner
{
    public static Measurement Run(string direction, string inputPath, string outputPath)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        foreach (var arg in (string[])[typeof(DotnetRunner).Assembly.Location, "measure", direction, inputPath, outputPath])
        {
            psi.ArgumentList.Add(arg);
        }
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) != "dotnet")
        {
            psi.ArgumentList.RemoveAt(0);
        }
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? JsonSerializer.Deserialize<Measurement>(output)!
            : new Measurement(0, 0, null, $"exit {process.ExitCode}");
    }

    /// <summary>
    /// The child side: converts and prints its own measurement as JSON. A small conversion first warms the
    /// process up (JIT), as in the long-running server; it is not timed.
    /// </summary>
    public static async Task<int> MeasureAsync(string direction, string inputPath, string outputPath)
    {
        var warmUpJson = "[" + string.Join(",", Enumerable.Range(0, 2000).Select(i => $$"""{"a":{{i}},"b":{"c":"x,y"},"d":[1.5]}""")) + "]";
        CsvToJson.Convert(JsonToCsv.Convert(warmUpJson));
        var watch = Stopwatch.StartNew();
        await using (var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
        await using (var output = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            var limit = new FileInfo(inputPath).Length + 1;
            if (direction == "json2csv")
            {
                await JsonToCsv.ConvertAsync(input, output, new Json2CsvOptions { MaxInputBytes = limit }, CancellationToken.None);
            }
            else
            {
                await CsvToJson.ConvertAsync(input, output, new Csv2JsonOptions { MaxInputBytes = limit }, CancellationToken.None);
            }
        }
        watch.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.Write(JsonSerializer.Serialize(new Measurement(watch.Elapsed.TotalSeconds, self.PeakWorkingSet64, GC.GetTotalAllocatedBytes(precise: true))));
        return 0;
    }
}
