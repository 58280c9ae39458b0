using System.Diagnostics;

namespace Raytio.Testing;

/// <summary>
/// Runs a Node.js script from tests/interop with the packages installed there. Missing Node or
/// missing node_modules is a failure, not a skip: CI installs both, so a skip would hide a gap.
/// </summary>
public static class NodeScript
{
    public static async Task<string> RunAsync(string scriptRelativeToInterop, string? stdin = null, TimeSpan? timeout = null, params string[] args)
    {
        var modules = Path.Combine(RepoPaths.Interop, "node_modules");
        if (!Directory.Exists(modules))
        {
            throw new InvalidOperationException($"Node packages are not installed: run 'npm ci' in {RepoPaths.Interop}.");
        }

        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Interop, scriptRelativeToInterop));
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {scriptRelativeToInterop} did not finish in time");
        }

        var stdout = await stdoutTask;
        var stderr = await stderrTask;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {scriptRelativeToInterop} exited {process.ExitCode}: {stderr}");
        }
        return stdout;
    }
}
