using System.Diagnostics;
using System.Net;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.EndToEnd;

/// <summary>The built server binary started as its own process on a free loopback port.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private readonly string[] _settings;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private ServerProcess(Process process, string dataDirectory, Uri baseAddress, string[] settings, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        _settings = settings;
        _output = output;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    /// <summary>Every line the server wrote to its standard output and error (its logs) so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "Raytio.Server.dll");

    /// <param name="settings">Extra host settings (e.g. "--ConnectionStrings:Postgres", "..."), also given to commands.</param>
    public static async Task<ServerProcess> StartAsync(params string[] settings)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "raytio-e2e-" + Guid.NewGuid().ToString("N"));
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var process = Process.Start(StartInfo(["--urls", baseAddress.ToString(), "--Raytio:DataDirectory", dataDirectory, .. settings]))
            ?? throw new InvalidOperationException("the server did not start");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        DataReceivedEventHandler keep = (_, line) =>
        {
            if (line.Data is not null)
            {
                output.Enqueue(line.Data);
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, dataDirectory, baseAddress, settings, output);

        using var http = new HttpClient { BaseAddress = baseAddress };
        // Generous: a cold start (JIT, migrations) on a loaded two-core machine took over a minute.
        for (var attempt = 0; attempt < 360; attempt++)
        {
            if (process.HasExited)
            {
                var exitCode = process.ExitCode;
                await server.DisposeAsync();
                throw new InvalidOperationException($"the server exited with {exitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, output.TakeLast(40))}");
            }
            try
            {
                if ((await http.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(500);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"the server did not become ready within 180 s:{Environment.NewLine}{string.Join(Environment.NewLine, output.TakeLast(40))}");
    }

    /// <summary>Runs a command verb of the same binary against the same data folder and settings.</summary>
    public async Task<string> RunCommandAsync(params string[] arguments)
    {
        var info = StartInfo([.. arguments, "--Raytio:DataDirectory", DataDirectory, .. _settings]);
        using var command = Process.Start(info) ?? throw new InvalidOperationException("the command did not start");
        var output = await command.StandardOutput.ReadToEndAsync();
        await command.WaitForExitAsync();
        Assert.True(command.ExitCode == 0, $"{string.Join(' ', arguments)} exited {command.ExitCode}: {output}{await command.StandardError.ReadToEndAsync()}");
        return output;
    }

    /// <summary>Runs the binary once with these arguments (in a fresh data folder) and waits for it to exit.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunToExitAsync(params string[] arguments)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "raytio-e2e-" + Guid.NewGuid().ToString("N"));
        try
        {
            return await RunToExitInAsync(dataDirectory, arguments);
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    /// <summary>Runs a command in this server's data folder with only the arguments given (not the server's settings).</summary>
    public Task<(int ExitCode, string Output, string Error)> RunWithoutSettingsAsync(params string[] arguments) => RunToExitInAsync(DataDirectory, arguments);

    private static async Task<(int ExitCode, string Output, string Error)> RunToExitInAsync(string dataDirectory, string[] arguments)
    {
        using var run = Process.Start(StartInfo([.. arguments, "--Raytio:DataDirectory", dataDirectory]))
            ?? throw new InvalidOperationException("the server did not start");
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (run.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(ServerDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // A fresh server uses its embedded defaults and the settings given, whatever this test run is configured with.
        info.Environment.Remove("ConnectionStrings__Postgres");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return info;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
