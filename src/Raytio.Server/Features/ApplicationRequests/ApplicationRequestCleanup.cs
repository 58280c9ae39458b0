using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>
/// Deletes requests older than Raytio:ApplicationRequests:DeleteAfter. One delete by condition:
/// replicas running it at once delete the same rows, and a row already gone is simply not
/// counted, so no lease is needed.
/// </summary>
internal sealed class ApplicationRequestCleanup(RaytioDbContext db, ApplicationRequestClock clock) : ICleanupTask
{
    public async Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var liveAfter = clock.LiveAfter(now);
        return await db.ApplicationRequests.Where(r => r.CreatedAt <= liveAfter).ExecuteDeleteAsync(cancellationToken);
    }
}
