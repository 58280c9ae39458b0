using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Sharing;

namespace Raytio.Server.Features.SharingActions;

/// <summary>Runs <see cref="ActionDelivery"/> every Raytio:Sharing:DeliveryInterval on every replica (rows are leased one by one).</summary>
public sealed partial class ActionWorker(ActionDelivery delivery, TimeProvider time, IOptions<SharingOptions> options, ILogger<ActionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeliveryInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await delivery.RunPassAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is DbUpdateException or DbException)
            {
                // The database may be briefly unreachable; what is due stays due for the next pass.
                LogFailed(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A share action delivery pass failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
