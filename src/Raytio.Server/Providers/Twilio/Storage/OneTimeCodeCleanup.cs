using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Providers.Twilio.Storage;

/// <summary>
/// Deletes verifications a day after they expired (their sends go with them) and destinations
/// with no send in the limit's window: nothing in them can be used any more.
/// </summary>
internal sealed class OneTimeCodeCleanup(RaytioDbContext db) : ICleanupTask
{
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(1);

    public async Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var expiredBefore = now - KeptAfterExpiry;
        var quietSince = now - OneTimeCodeRules.SendWindow;
        return await db.CodeVerifications.Where(v => v.ExpiresAt <= expiredBefore).ExecuteDeleteAsync(cancellationToken)
            + await db.CodeDestinations.Where(d => d.LastSentAt <= quietSince).ExecuteDeleteAsync(cancellationToken);
    }
}
