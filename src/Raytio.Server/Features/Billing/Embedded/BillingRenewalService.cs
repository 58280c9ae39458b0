using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// Runs <see cref="BillingRenewals"/> every Raytio:Billing:RenewalInterval on the one replica
/// holding the `billing-renewals` lease (the others wait, and take over when it lapses). The lease
/// only spares the work: each renewal re-checks under its customer's lock, so two passes at once
/// still bill each period once. A pass that fails is logged and the next passes wait longer
/// (twice as long after each failure in a row, at most <see cref="MaxBackOff"/> intervals), so a
/// lasting fault neither stops the service nor fills the log at every tick.
/// </summary>
public sealed partial class BillingRenewalService(IServiceScopeFactory scopes, TimeProvider time, IOptions<BillingOptions> options, ILogger<BillingRenewalService> logger) : BackgroundService
{
    public const string LeaseName = "billing-renewals";

    /// <summary>The most intervals a failing service waits between two passes.</summary>
    public const int MaxBackOff = 32;

    private readonly Guid _holder = Guid.NewGuid();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RenewalInterval;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval * Math.Min(MaxBackOff, 1 << Math.Min(failures, 5)), time, stoppingToken);
            try
            {
                await RunOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception failure) when (failure is DbUpdateException or DbException)
            {
                // The database may be briefly unreachable; whatever is due stays due for the next pass.
                failures++;
                LogFailed(logger, failure);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                // Anything else (a bug, a bad row) would end the service, and with it the host: log it and back off.
                failures++;
                LogFailedUnexpectedly(logger, failures, failure);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A billing renewal pass failed unexpectedly ({Failures} in a row); backing off")]
    private static partial void LogFailedUnexpectedly(ILogger logger, int failures, Exception failure);
}
