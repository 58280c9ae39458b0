using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Sharing;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.SharingActions;

/// <summary>
/// One delivery pass over the action outbox: claims each due row with a lease (a conditional
/// update, so two replicas never hold one row at once), delivers it, and records the attempt in
/// the row and the audit trail; a failed attempt is retried with exponential backoff and jitter
/// until Raytio:Sharing:MaxDeliveryAttempts, then given up.
/// </summary>
public sealed class ActionDelivery(IServiceScopeFactory scopes, TimeProvider time, IOptions<SharingOptions> options, ILogger<ActionDelivery> logger)
{
    public const int BatchSize = 50;

    /// <summary>Longer than a delivery can take (the webhook timeout and an SMTP exchange).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    private readonly string _replica = $"{Environment.MachineName}/{Guid.NewGuid():N}"[..Math.Min(100, Environment.MachineName.Length + 33)];

    /// <summary>Delivers what is due now; answers how many rows this pass delivered.</summary>
    public async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var now = time.UtcNowInMicroseconds();
        var due = await db.ShareActions.AsNoTracking()
            .Where(a => a.DeliveredAt == null && a.FailedAt == null && a.NextAttemptAt <= now && (a.LeasedUntil == null || a.LeasedUntil < now))
            .OrderBy(a => a.NextAttemptAt)
            .Select(a => a.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var id in due)
        {
            if (await TryClaimAsync(db, id, now, cancellationToken) && await DeliverAsync(scope.ServiceProvider, db, id, cancellationToken))
            {
                delivered++;
            }
        }
        return delivered;
    }

    private async Task<bool> TryClaimAsync(RaytioDbContext db, long id, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + LeaseDuration;
        return await db.ShareActions
            .Where(a => a.Id == id && a.DeliveredAt == null && a.FailedAt == null && a.NextAttemptAt <= now && (a.LeasedUntil == null || a.LeasedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeasedUntil, until).SetProperty(a => a.LeasedBy, _replica), cancellationToken) == 1;
    }

    private async Task<bool> DeliverAsync(IServiceProvider services, RaytioDbContext db, long id, CancellationToken cancellationToken)
    {
        var action = await db.ShareActions.FirstAsync(a => a.Id == id, cancellationToken);
        string? error = null;
        try
        {
            if (action.Method == "email")
            {
                await services.GetRequiredService<EmailAction>().SendAsync(action, cancellationToken);
            }
            else
            {
                await services.GetRequiredService<WebhookAction>().PostAsync(action, cancellationToken);
            }
        }
        catch (ActionDeliveryException failure)
        {
            error = failure.Message;
        }
        var now = time.UtcNowInMicroseconds();
        action.Attempts++;
        action.LeasedUntil = null;
        action.LeasedBy = null;
        action.LastError = error is null ? null : error[..Math.Min(error.Length, 1000)];
        if (error is null)
        {
            action.DeliveredAt = now;
        }
        else if (action.Attempts >= options.Value.MaxDeliveryAttempts)
        {
            action.FailedAt = now;
        }
        else
        {
            action.NextAttemptAt = now + Backoff(action.Attempts);
        }
        var audit = services.GetRequiredService<AuditTrail>();
        audit.Record(error is null ? AuditEventTypes.ShareActionDelivered : AuditEventTypes.ShareActionFailed, null, action.InstanceId, new JsonObject
        {
            ["action_id"] = action.Id,
            ["method"] = action.Method,
            ["attempt"] = action.Attempts,
            ["final"] = error is null || action.FailedAt is not null,
            ["error"] = action.LastError,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (error is not null)
        {
            logger.LogWarning("Share action {Id} ({Method}) attempt {Attempt} failed: {Error}", action.Id, action.Method, action.Attempts, error);
        }
        return error is null;
    }

    /// <summary>base × 2^(attempt-1), with ±20% jitter so retries of many rows do not arrive together.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var delay = options.Value.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        return delay * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }
}

/// <summary>A delivery that did not succeed; the message says why (no secrets, no personal values).</summary>
public sealed class ActionDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
