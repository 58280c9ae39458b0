using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Audit;

/// <summary>
/// Appends the queued read events: every Raytio:Audit:ReadFlushInterval (at most a second), as
/// soon as a full batch waits, and once more when the server stops. Each batch is one
/// SaveChanges. A batch the database refuses is kept and tried first at the next tick. Crash
/// window: events queued but not yet written (at most one interval's worth) are lost if the
/// process dies; a clean stop writes them.
/// </summary>
public sealed partial class AuditReadWriter(
    AuditReadBuffer buffer, IServiceScopeFactory scopes, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditReadWriter> logger) : BackgroundService
{
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private List<AuditEvent> _unwritten = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await WaitForWorkAsync(stoppingToken))
        {
            // A batch in flight is not cancelled by the stop, but no new one starts after it (while
            // requests keep queueing reads the drain could otherwise go on): StopAsync writes the rest.
            await FlushOnceAsync(CancellationToken.None, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushOnceAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _flushing.Dispose();
        base.Dispose();
    }

    /// <summary>Writes what is queued now, batch by batch; returns how many events were written.</summary>
    internal async Task<int> FlushOnceAsync(CancellationToken cancellationToken, CancellationToken stopBetweenBatches = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var written = 0;
            while (true)
            {
                var batch = _unwritten.Count > 0 ? _unwritten : buffer.Take(AuditReadBuffer.BatchSize);
                _unwritten = [];
                if (batch.Count == 0 || stopBetweenBatches.IsCancellationRequested)
                {
                    _unwritten = batch;
                    return written;
                }
                if (!await TryInsertAsync(batch, cancellationToken))
                {
                    _unwritten = batch;
                    return written;
                }
                written += batch.Count;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>True at the next tick or when a full batch waits; false when the server stops.</summary>
    private async Task<bool> WaitForWorkAsync(CancellationToken stoppingToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var batchReady = buffer.BatchReady.WaitToReadAsync(waiting.Token).AsTask();
        var tick = Task.Delay(options.Value.ReadFlushInterval, time, waiting.Token);
        await Task.WhenAny(batchReady, tick);
        await waiting.CancelAsync();
        buffer.BatchReady.TryRead(out _);
        return !stoppingToken.IsCancellationRequested;
    }

    private async Task<bool> TryInsertAsync(List<AuditEvent> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
            // Copies: a failed attempt may have left store-generated ids on the instances.
            db.AuditEvents.AddRange(batch.Select(Unsaved));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception failure) when (failure is DbUpdateException or DbException)
        {
            LogFailed(logger, failure, batch.Count);
            return false;
        }
        catch (OperationCanceledException)
        {
            _unwritten = batch;
            throw;
        }
    }

    private static AuditEvent Unsaved(AuditEvent read) => new()
    {
        OccurredAt = read.OccurredAt,
        EventType = read.EventType,
        UserId = read.UserId,
        SubjectId = read.SubjectId,
        EventJson = read.EventJson,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} audit read events failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception failure, int count);
}
