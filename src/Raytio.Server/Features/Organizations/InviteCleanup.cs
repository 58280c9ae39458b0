using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Organizations;

/// <summary>Deletes invitations that expired, were revoked or were accepted longer than the retention period ago.</summary>
internal sealed class InviteCleanup(RaytioDbContext db, IOptions<InviteOptions> options) : ICleanupTask
{
    public Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var endedBefore = now - options.Value.InviteRetention;
        return db.OrganizationInvites
            .Where(i => i.ExpiresAt <= endedBefore || i.RevokedAt <= endedBefore || i.AcceptedAt <= endedBefore)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
