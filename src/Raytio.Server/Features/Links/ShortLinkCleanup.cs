using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Links;

/// <summary>Deletes links whose expiry has passed (they already answer 404); kept links have none.</summary>
internal sealed class ShortLinkCleanup(RaytioDbContext db) : ICleanupTask
{
    public Task<int> RunAsync(DateTime now, CancellationToken cancellationToken) =>
        db.ShortLinks.Where(l => l.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
}
