using System.Diagnostics;
using System.Text.Json;

namespace Raytio.JsonCsv.Bench;

/// <summary>
/// Runs json-2-csv under Node on the same file (tests/interop/jsoncsv/bench.mjs) and reads its measurement.
/// Runs longer than the timeout are stopped and reported as a lower bound on the speed-up.
/// </summary>
internal static class NodeRunner
{
    public static Measurement Run(string repoRoot, string direction, string inputPath, string outputPath, int runs, TimeSpan timeout)
    {
        var interop = Path.Combine(repoRoot, "tests", "interop");
        var psi = new ProcessStartInfo("node") { WorkingDirectory = interop, RedirectStandardOutput = true, RedirectStandardError = true };
        // json-2-csv holds the whole input and output in memory; give it room so large inputs can finish.
        foreach (var arg in (string[])["--max-old-space-size=16384", Path.Combine(interop, "jsoncsv", "bench.mjs"), direction, inputPath, outputPath, runs.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            psi.ArgumentList.Add(arg);
        }
        using var process = Process.Start(psi)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Measurement(timeout.TotalSeconds, 0, null, $"timeout {timeout.TotalSeconds:F0} s");
        }
        if (process.ExitCode != 0)
        {
            var firstLine = errors.Result.Split('\n').FirstOrDefault(line => line.Contains("Error", StringComparison.Ordinal)) ?? $"exit {process.ExitCode}";
            return new Measurement(0, 0, null, firstLine.Trim());
        }
        using var result = JsonDocument.Parse(output.Result);
        return new Measurement(result.RootElement.GetProperty("seconds").GetDouble(), result.RootElement.GetProperty("maxRssBytes").GetInt64(), null);
    }
}
