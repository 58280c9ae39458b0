using Raytio.Server.Features.Auth;
using Raytio.Signing;

namespace Raytio.Server.Hosting;

/// <summary>
/// Before the server takes requests (and before any command runs): applies migrations, makes
/// sure a token signing key exists and is not overdue for rotation, and loads (or creates) the
/// verification signing keys.
/// </summary>
internal sealed class StartupInitializer(IServiceProvider services, TokenKeyRing tokenKeys, ISigningKeyStore signingKeys, Readiness readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.MigrateDatabaseAsync(cancellationToken);
        readiness.MarkMigrated();
        await tokenKeys.EnsureCurrentKeyAsync(cancellationToken);
        // The first 4096-bit verification key is made now rather than on the first request.
        await signingKeys.GetActiveKeyAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
