using Raytio.Server.Features.Auth;

namespace Raytio.Server.Hosting;

/// <summary>
/// Before the server takes requests (and before any command runs): applies migrations and makes
/// sure a token signing key exists and is not overdue for rotation.
/// </summary>
internal sealed class StartupInitializer(IServiceProvider services, TokenKeyRing tokenKeys) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.MigrateDatabaseAsync(cancellationToken);
        await tokenKeys.EnsureCurrentKeyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
