using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// Runs <see cref="BillingRenewals"/> every Raytio:Billing:RenewalInterval on the one replica
/// holding the `billing-renewals` lease (the others wait, and take over when it lapses). The lease
/// only spares the work: each renewal re-checks under its customer's lock, so two passes at once
/// still bill each period once.
/// </summary>
public sealed partial class BillingRenewalService(IServiceScopeFactory scopes, TimeProvider time, IOptions<BillingOptions> options, ILogger<BillingRenewalService> logger) : BackgroundService
{
    public const string LeaseName = "billing-renewals";

    private readonly Guid _holder = Guid.NewGuid();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewalInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is DbUpdateException or DbException)
            {
                // The database may be briefly unreachable; whatever is due stays due for the next pass.
                LogFailed(logger, failure);
            }
        }
    }

    /// <summary>One pass when this replica holds (or takes) the lease; how many steps it made, or -1 when another replica holds it.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await db.TryHoldAsync(LeaseName, _holder, time.GetUtcNow().UtcDateTime, options.Value.RenewalLeaseDuration, cancellationToken))
            {
                return -1;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return await scope.ServiceProvider.GetRequiredService<BillingRenewals>().RunDueAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A billing renewal pass failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
