using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Xero;

/// <summary>Deletes connections started and never completed once their state has expired (a callback naming one already answers 400).</summary>
internal sealed class XeroAuthorizationCleanup(RaytioDbContext db) : ICleanupTask
{
    public Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var pending = db.XeroAuthorizations;
        return pending.Where(a => a.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
