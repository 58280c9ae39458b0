using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Providers.Twilio.Storage;

/// <summary>The per-destination lock both engines take before they look at a destination's verifications in a send's transaction.</summary>
public static class DestinationTurns
{
    /// <summary>
    /// Upserts the destination's row, first in the transaction: on PostgreSQL its row lock, on
    /// SQLite the database's write lock, is held to the commit, so sends to one destination take turns.
    /// </summary>
    public static Task<int> TakeDestinationTurnAsync(this RaytioDbContext db, string destinationHash, DateTime now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO otp_destinations (destination_hash, last_sent_at) VALUES ({destinationHash}, {now})
            ON CONFLICT (destination_hash) DO UPDATE SET last_sent_at = excluded.last_sent_at
            """, cancellationToken);
}
