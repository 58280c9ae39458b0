using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Signing;

namespace Raytio.Server.Features.Audit;

/// <summary>
/// Chains committed events, on the one replica holding the `audit-sealer` lease, every
/// Raytio:Audit:SealInterval. Each batch runs in one transaction that first renews the lease (its
/// row then stays locked until commit, so no other replica can take the lease meanwhile), takes
/// the unsealed events by id, gives them the next seal sequences after the highest one and chains
/// their hashes (<see cref="AuditChain"/>). The chain's order is seal order: an event committed
/// after a higher id was sealed (a longer transaction) is sealed later with a later sequence. A
/// unique violation on seal_sequence means another sealer got in: this pass stops, the next one
/// starts again from the database.
/// </summary>
public sealed partial class AuditSealer(IServiceScopeFactory scopes, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditSealer> logger) : BackgroundService
{
    public const string LeaseName = "audit-sealer";

    private const int BatchSize = 1_000;

    /// <summary>Who holds the lease: one value per sealer (per process).</summary>
    internal Guid Holder { get; } = Guid.NewGuid();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SealInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SealOnceAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is DbUpdateException or DbException)
            {
                // The database may be briefly unreachable; unsealed events wait for the next pass.
                LogFailed(logger, failure);
            }
            catch (CanonicalizationException unreadable)
            {
                // Only an edit of the table itself makes an event's JSON invalid: the chain waits for the operator.
                LogUnsealable(logger, unreadable);
            }
        }
    }

    /// <summary>Seals every committed unsealed event when this sealer holds (or takes) the lease; returns how many it sealed.</summary>
    internal async Task<int> SealOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var total = 0;
        while (true)
        {
            var count = await SealBatchAsync(db, cancellationToken);
            total += Math.Max(count, 0);
            if (count < BatchSize)
            {
                return total;
            }
        }
    }

    /// <summary>Seals one batch; -1 when the lease is another replica's.</summary>
    private async Task<int> SealBatchAsync(RaytioDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.TryHoldAsync(LeaseName, Holder, time.GetUtcNow().UtcDateTime, options.Value.SealerLeaseDuration, cancellationToken))
        {
            return -1;
        }
        var last = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SealSequence != null)
            .OrderByDescending(e => e.SealSequence)
            .Select(e => new { e.SealSequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var batch = await db.AuditEvents.Where(e => e.SealSequence == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var sequence = last?.SealSequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis();
        foreach (var unsealed in batch)
        {
            unsealed.SealSequence = ++sequence;
            unsealed.PreviousHash = previous;
            unsealed.Hash = previous = AuditChain.Hash(previous, unsealed);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException failure) when (failure.IsUniqueViolation())
        {
            LogRaced(logger, failure);
            return -1;
        }
        return batch.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing the audit trail failed; retrying at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "An unsealed audit event holds invalid JSON (the table was edited); sealing waits until it is repaired")]
    private static partial void LogUnsealable(ILogger logger, Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another sealer used the same seal sequence; this pass stops and the next one starts from the database")]
    private static partial void LogRaced(ILogger logger, Exception failure);
}
