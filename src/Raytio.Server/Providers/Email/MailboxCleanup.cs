using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Providers.Email;

/// <summary>Deletes development mailbox messages older than <see cref="DevelopmentMailbox.Retention"/>: the codes in them have expired.</summary>
internal sealed class MailboxCleanup(RaytioDbContext db) : ICleanupTask
{
    public Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var expiredBefore = now - DevelopmentMailbox.Retention;
        return db.MailboxMessages.Where(m => m.CreatedAt <= expiredBefore).ExecuteDeleteAsync(cancellationToken);
    }
}
