using Raytio.Server.Cli;
using Raytio.Server.Hosting;

var (command, hostArgs) = ServerCommands.Split(args);
var app = RaytioHost.Build(hostArgs);

if (command is not null)
{
    await app.Services.GetRequiredService<StartupInitializer>().StartAsync(CancellationToken.None);
    return await ServerCommands.RunAsync(command, app.Services, Console.Out);
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
