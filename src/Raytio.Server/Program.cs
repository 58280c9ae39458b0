using Microsoft.Extensions.Options;
using Raytio.Server.Cli;
using Raytio.Server.Hosting;

var (command, hostArgs) = ServerCommands.Split(args);
var app = RaytioHost.Build(hostArgs);

try
{
    // Before anything starts, so a bad setting is one clear message rather than a failed start.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    if (command is not null)
    {
        await app.Services.GetRequiredService<StartupInitializer>().StartAsync(CancellationToken.None);
        return await ServerCommands.RunAsync(command, app.Services, Console.Out);
    }
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException invalid)
{
    await Console.Error.WriteLineAsync("Invalid settings:" + Environment.NewLine + string.Join(Environment.NewLine, invalid.Failures.Select(f => "  " + f)));
    return 1;
}
catch (StartupException failed)
{
    await Console.Error.WriteLineAsync("Start-up failed: " + failed.Message);
    return 1;
}

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
