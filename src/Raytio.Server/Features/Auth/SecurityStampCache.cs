using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Each user's current security stamp, so that checking it on every authenticated request does
/// not cost a database read. An entry is used for at most
/// <see cref="TokenOptions.SecurityStampCacheLifetime"/> after the moment its value was read, so a
/// change made on another replica is seen within that bound; the replica that makes a change
/// stores the new value at once (<see cref="Remember"/>).
/// </summary>
public sealed class SecurityStampCache(IServiceScopeFactory scopes, TimeProvider time, IOptions<TokenOptions> options)
{
    /// <param name="Stamp">Null when the user no longer exists.</param>
    /// <param name="ObservedAt">When the read started: the value is at least this recent.</param>
    private sealed record Entry(Guid? Stamp, DateTime ObservedAt);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private DateTime _lastSweep = DateTime.MinValue;

    private TimeSpan Lifetime => options.Value.SecurityStampCacheLifetime;

    /// <summary>True when <paramref name="presented"/> is the user's current stamp.</summary>
    public async ValueTask<bool> IsCurrentAsync(Guid userId, Guid presented, CancellationToken cancellationToken)
    {
        if (!_entries.TryGetValue(userId, out var entry) || !IsFresh(entry, time.GetUtcNow().UtcDateTime))
        {
            entry = await LoadAsync(userId, cancellationToken);
        }
        return entry.Stamp == presented;
    }

    /// <summary>Call after the transaction that changed the user's stamp has committed.</summary>
    public void Remember(User user) => Store(user.Id, new Entry(user.SecurityStamp, time.GetUtcNow().UtcDateTime));

    private bool IsFresh(Entry entry, DateTime now) => now - entry.ObservedAt < Lifetime;

    private async Task<Entry> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var observedAt = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => (Guid?)u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        return Store(userId, new Entry(stamp, observedAt));
    }

    /// <summary>
    /// Keeps the more recently observed value: a read that started before a change committed must
    /// not overwrite the value stored after the commit.
    /// </summary>
    private Entry Store(Guid userId, Entry entry)
    {
        SweepIfDue(entry.ObservedAt);
        return _entries.AddOrUpdate(userId, entry, (_, existing) => existing.ObservedAt > entry.ObservedAt ? existing : entry);
    }

    /// <summary>
    /// Drops stale entries once per lifetime, so the cache holds about the users active within
    /// the last two lifetimes. Entries come only from validly signed tokens, so their number is
    /// bounded by real users.
    /// </summary>
    private void SweepIfDue(DateTime now)
    {
        if (now - _lastSweep < Lifetime)
        {
            return;
        }
        _lastSweep = now;
        foreach (var (userId, entry) in _entries)
        {
            if (!IsFresh(entry, now))
            {
                _entries.TryRemove(new KeyValuePair<Guid, Entry>(userId, entry));
            }
        }
    }
}
