using System.Diagnostics;
using System.Text.Json;

namespace Raytio.JsonCsv.Bench;

/// <summary>
/// Runs one .NET conversion in a fresh child process (this program with "measure"), so each peak working set
/// belongs to one conversion only; the child streams file to file as the server streams request to response.
/// </summary>
internal static class DotnetRunner
{
    public static Measurement Run(string direction, string inputPath, string outputPath, int runs)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        foreach (var arg in (string[])[typeof(DotnetRunner).Assembly.Location, "measure", direction, inputPath, outputPath, runs.ToString(System.Globalization.CultureInfo.InvariantCulture)])
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
    /// The child side: converts <paramref name="runs"/> times and prints the fastest run after the first as JSON,
    /// exactly as the Node side does, so both are compared warmed up (JIT tiering), as in a long-running server.
    /// Peak memory covers all runs, allocation the fastest one.
    /// </summary>
    public static async Task<int> MeasureAsync(string direction, string inputPath, string outputPath, int runs)
    {
        var best = (Seconds: double.MaxValue, Allocated: 0L);
        for (var run = 0; run < Math.Max(1, runs); run++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            await ConvertAsync(direction, inputPath, outputPath);
            watch.Stop();
            if ((run > 0 || runs <= 1) && watch.Elapsed.TotalSeconds < best.Seconds)
            {
                best = (watch.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
            }
        }
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.Write(JsonSerializer.Serialize(new Measurement(best.Seconds, self.PeakWorkingSet64, best.Allocated)));
        return 0;
    }

    private static async Task ConvertAsync(string direction, string inputPath, string outputPath)
    {
        await using var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var output = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var limit = input.Length + 1;
        if (direction == "json2csv")
        {
            await JsonToCsv.ConvertAsync(input, output, new Json2CsvOptions { MaxInputBytes = limit }, CancellationToken.None);
        }
        else
        {
            await CsvToJson.ConvertAsync(input, output, new Csv2JsonOptions { MaxInputBytes = limit }, CancellationToken.None);
        }
    }
}
