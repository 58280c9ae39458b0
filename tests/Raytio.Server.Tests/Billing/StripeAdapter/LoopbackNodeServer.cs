using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Testing;

namespace Raytio.Server.Tests.Billing.StripeAdapter;

/// <summary>
/// A server from tests/interop's node packages listening on a free loopback port (Prism, or
/// stripe-stateful-mock), started for a test host and stopped with it. What it prints is kept, so
/// a test can read Prism's verdict on each request.
/// </summary>
public sealed class LoopbackNodeServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LoopbackNodeServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>What the server printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Runs `node {script} {args}` (script relative to tests/interop) with PORT set, and waits until the port accepts connections.</summary>
    public static async Task<LoopbackNodeServer> StartAsync(string script, Func<int, IEnumerable<string>> args)
    {
        var modules = Path.Combine(RepoPaths.Interop, "node_modules");
        if (!Directory.Exists(modules))
        {
            throw new InvalidOperationException($"Node packages are not installed: run 'npm ci' in {RepoPaths.Interop}.");
        }
        var port = FreePort.Next();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Interop, script));
        foreach (var arg in args(port))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["LOG_LEVEL"] = "warn";
        start.Environment["NO_COLOR"] = "1";
        var server = new LoopbackNodeServer(Process.Start(start) ?? throw new InvalidOperationException("node did not start"), port);
        server._process.OutputDataReceived += (_, line) => server.Append(line.Data);
        server._process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilListeningAsync(script);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilListeningAsync(string script)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"node {script} exited {_process.ExitCode}: {Output}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }
        await DisposeAsync();
        throw new TimeoutException($"node {script} did not listen on port {Port} within {StartTimeout}: {Output}");
    }
}
