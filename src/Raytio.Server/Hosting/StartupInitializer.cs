using Raytio.Server.Data;

namespace Raytio.Server.Hosting;

/// <summary>
/// Before the server takes requests (and before any command runs): applies migrations, then runs
/// every area's <see cref="IStartupTask"/>, holding the <see cref="StartupLock"/> so replicas
/// starting together take turns.
/// </summary>
internal sealed class StartupInitializer(IServiceProvider services, IConfiguration configuration, IEnumerable<IStartupTask> tasks) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var turn = await StartupLock.AcquireAsync(configuration, cancellationToken);
        await services.MigrateDatabaseAsync(cancellationToken);
        foreach (var task in tasks)
        {
            await task.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
