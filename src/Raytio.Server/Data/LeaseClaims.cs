using Microsoft.EntityFrameworkCore;

namespace Raytio.Server.Data;

/// <summary>
/// Takes or renews a named <see cref="Lease"/> with conditional writes that work alike on SQLite
/// and PostgreSQL: an UPDATE that succeeds only for the current holder or once the lease has
/// expired, else an INSERT that does nothing when another replica created the row first. Called
/// inside a transaction, the written row stays locked until commit, so no other replica can take
/// the lease while the holder's transaction runs. Replicas' clocks must agree to well within the
/// lease's duration (NTP).
/// </summary>
public static class LeaseClaims
{
    /// <summary>True when <paramref name="holder"/> holds the lease until <paramref name="now"/> + <paramref name="duration"/>.</summary>
    public static async Task<bool> TryHoldAsync(this RaytioDbContext db, string name, Guid holder, DateTime now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = now + duration;
        var renewed = await db.Leases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (renewed == 1)
        {
            return true;
        }
        var created = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO leases (name, holder, expires_at) VALUES ({name}, {holder}, {until}) ON CONFLICT (name) DO NOTHING", cancellationToken);
        return created == 1;
    }
}
