using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Counters kept in the database (so replicas agree). Keys are built from what the caller sent,
/// never from whether an account exists, so known and unknown usernames are throttled alike.
/// A counter with a growing delay lets its free attempts through, then makes each further one
/// wait twice as long as the one before (up to the window); a hard counter refuses everything
/// past its limit until a window has passed since its last event.
/// </summary>
public sealed class Throttle(RaytioDbContext db, TimeProvider time, IOptions<ThrottleOptions> options)
{
    /// <summary>Keys longer than this keep a prefix and a hash of the rest.</summary>
    public const int MaximumKeyLength = 200;

    public sealed record Counter(string Key, int FreeAttempts, bool GrowingDelay);

    public static string Account(string scope, string username) => Bounded($"{scope}:account:{username}");

    public static string Client(string scope, HttpContext context) => Bounded($"{scope}:client:{ClientAddress(context)}");

    public static string AccountAndClient(string scope, string username, HttpContext context) =>
        Bounded($"{scope}:pair:{ClientAddress(context)}:{username}");

    /// <summary>Throws 429 with Retry-After when any counter asks the caller to wait.</summary>
    public async Task EnsureAllowedAsync(IReadOnlyList<Counter> counters, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var keys = counters.Select(c => c.Key).ToList();
        var buckets = await db.ThrottleBuckets.AsNoTracking().Where(b => keys.Contains(b.Key)).ToListAsync(cancellationToken);
        var longestWait = TimeSpan.Zero;
        foreach (var bucket in buckets)
        {
            var counter = counters.First(c => c.Key == bucket.Key);
            if (now - bucket.LastAt >= settings.Window || bucket.Count < counter.FreeAttempts)
            {
                continue;
            }
            var wait = counter.GrowingDelay ? GrowingDelay(bucket.Count - counter.FreeAttempts, settings) : settings.Window;
            var remaining = bucket.LastAt + wait - now;
            if (remaining > longestWait)
            {
                longestWait = remaining;
            }
        }
        if (longestWait > TimeSpan.Zero)
        {
            throw ApiException.TooManyRequests(longestWait);
        }
    }

    /// <summary>Counts one event on each key: one atomic upsert per key, safe between replicas.</summary>
    public async Task RecordAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var forgottenBefore = now - options.Value.Window;
        foreach (var key in keys)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO throttle_buckets ("key", last_at, "count") VALUES ({key}, {now}, 1)
                ON CONFLICT ("key") DO UPDATE SET
                    "count" = CASE WHEN throttle_buckets.last_at > {forgottenBefore} THEN throttle_buckets."count" + 1 ELSE 1 END,
                    last_at = excluded.last_at
                """, cancellationToken);
        }
    }

    public Task ResetAsync(string key, CancellationToken cancellationToken) =>
        db.ThrottleBuckets.Where(b => b.Key == key).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The wait before attempt number <paramref name="beyondFree"/> past the free ones: 1, 2, 4 ... times the first delay.</summary>
    private static TimeSpan GrowingDelay(int beyondFree, ThrottleOptions settings)
    {
        var doublings = Math.Min(beyondFree, 30);
        var delay = settings.FirstDelay * Math.Pow(2, doublings);
        return delay < settings.Window ? delay : settings.Window;
    }

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string Bounded(string key)
    {
        if (key.Length <= MaximumKeyLength)
        {
            return key;
        }
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return string.Concat(key.AsSpan(0, MaximumKeyLength - digest.Length - 1), "#", digest);
    }
}
