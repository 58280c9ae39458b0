using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Raytio.Signing.Bench;

/// <summary>Runs the reference implementations the library is compared with.</summary>
internal static partial class ExternalTools
{
    public static (double ParseAndCanonicalize, double CanonicalizeOnly) NodeCanonicalize(string repositoryRoot, string dataPath, TimeSpan minDuration)
    {
        var script = Path.Combine(repositoryRoot, "tests", "interop", "signing", "bench-canonicalize.mjs");
        using var result = JsonDocument.Parse(Run("node", script, dataPath, minDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture)));
        return (result.RootElement.GetProperty("parseAndCanonicalizeMBps").GetDouble(), result.RootElement.GetProperty("canonicalizeOnlyMBps").GetDouble());
    }

    /// <summary>Sign/s and verify/s from "openssl speed rsa4096", on one process or <paramref name="processes"/> with -multi.</summary>
    public static (double SignPerSecond, double VerifyPerSecond) OpenSslSpeed(int processes, TimeSpan durationPerOperation)
    {
        var seconds = ((int)durationPerOperation.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var output = processes == 1
            ? Run("openssl", "speed", "-seconds", seconds, "rsa4096")
            : Run("openssl", "speed", "-seconds", seconds, "-multi", processes.ToString(CultureInfo.InvariantCulture), "rsa4096");
        var summary = RsaSummaryLine().Matches(output).LastOrDefault()
            ?? throw new InvalidOperationException("No 'rsa 4096 bits' summary in openssl speed output:\n" + output);
        return (double.Parse(summary.Groups["sign"].Value, CultureInfo.InvariantCulture), double.Parse(summary.Groups["verify"].Value, CultureInfo.InvariantCulture));
    }

    public static string NodeVersion() => Run("node", "--version").Trim();

    private static string Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException(fileName + " did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited {process.ExitCode}: {stderr.Result}");
        }
        return stdout;
    }

    /// <summary>"rsa 4096 bits 0.007984s 0.000123s    125.3   8153.5" (sign time, verify time, sign/s, verify/s).</summary>
    [GeneratedRegex(@"rsa\s+4096 bits\s+[\d.]+s\s+[\d.]+s\s+(?<sign>[\d.]+)\s+(?<verify>[\d.]+)")]
    private static partial Regex RsaSummaryLine();
}
