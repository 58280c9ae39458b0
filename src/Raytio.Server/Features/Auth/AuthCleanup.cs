using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Removes throttle buckets that have forgotten their count (a window since their last event), expired one-time codes, and refresh tokens
/// expired or revoked longer than the grace period ago. A used refresh token is kept until it
/// expires: its second use is how theft is recognised (the whole family is then revoked).
/// </summary>
internal sealed class AuthCleanup(RaytioDbContext db, IOptions<ThrottleOptions> throttle, IOptions<CleanupOptions> cleanup) : ICleanupTask
{
    public async Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var forgottenBefore = now - throttle.Value.Window;
        var graceEndedBefore = now - cleanup.Value.RefreshTokenGrace;
        return await db.ThrottleBuckets.Where(b => b.LastAt <= forgottenBefore).ExecuteDeleteAsync(cancellationToken)
            + await db.OneTimeCodes.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken)
            + await db.RefreshTokens.Where(t => t.ExpiresAt <= graceEndedBefore || t.RevokedAt <= graceEndedBefore).ExecuteDeleteAsync(cancellationToken);
    }
}
