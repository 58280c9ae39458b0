using System.Data.Common;
using Microsoft.Extensions.Options;

namespace Raytio.Server.Hosting;

/// <summary>Runs a <see cref="CleanupPass"/> every Raytio:Cleanup:Interval, for as long as the server runs.</summary>
internal sealed partial class CleanupService(CleanupPass pass, TimeProvider time, IOptions<CleanupOptions> options, ILogger<CleanupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await pass.RunAsync(stoppingToken);
            }
            catch (DbException failure)
            {
                // The database may be briefly unreachable; the next pass deletes the same rows.
                LogFailed(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleanup pass failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
