using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Fixed-window failure counters kept in the database (so replicas agree). Keys are built from
/// what the caller sent, never from whether an account exists, so known and unknown usernames
/// are throttled alike.
/// </summary>
public sealed class Throttle(RaytioDbContext db, TimeProvider time, IOptions<ThrottleOptions> options)
{
    public static string Account(string scope, string username) => $"{scope}:account:{username}";

    public static string Client(string scope, HttpContext context) =>
        $"{scope}:client:{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";

    /// <summary>Throws 429 with Retry-After when any counter has reached its limit.</summary>
    public async Task EnsureAllowedAsync(IReadOnlyList<(string Key, int Limit)> counters, CancellationToken cancellationToken)
    {
        var window = options.Value.Window;
        var now = time.GetUtcNow().UtcDateTime;
        var keys = counters.Select(c => c.Key).ToList();
        var buckets = await db.ThrottleBuckets.AsNoTracking().Where(b => keys.Contains(b.Key)).ToListAsync(cancellationToken);
        var longestWait = TimeSpan.Zero;
        foreach (var bucket in buckets)
        {
            var limit = counters.First(c => c.Key == bucket.Key).Limit;
            var windowEnd = bucket.WindowStart + window;
            if (bucket.Count >= limit && windowEnd > now && windowEnd - now > longestWait)
            {
                longestWait = windowEnd - now;
            }
        }
        if (longestWait > TimeSpan.Zero)
        {
            throw ApiException.TooManyRequests(longestWait);
        }
    }

    public async Task RecordAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await IncrementAsync(key, cancellationToken);
        }
    }

    public Task ResetAsync(string key, CancellationToken cancellationToken) =>
        db.ThrottleBuckets.Where(b => b.Key == key).ExecuteDeleteAsync(cancellationToken);

    private async Task IncrementAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var windowOpenedAfter = now - options.Value.Window;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var inWindow = await db.ThrottleBuckets.Where(b => b.Key == key && b.WindowStart > windowOpenedAfter)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Count, b => b.Count + 1), cancellationToken);
            if (inWindow > 0)
            {
                return;
            }
            var restarted = await db.ThrottleBuckets.Where(b => b.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Count, 1).SetProperty(b => b.WindowStart, now), cancellationToken);
            if (restarted > 0)
            {
                return;
            }
            try
            {
                db.ThrottleBuckets.Add(new ThrottleBucket { Key = key, WindowStart = now, Count = 1 });
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                // Another request created the bucket first; count into it on the next pass.
                db.ChangeTracker.Clear();
            }
        }
    }
}
