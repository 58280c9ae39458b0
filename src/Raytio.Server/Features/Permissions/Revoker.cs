using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Permissions;

/// <summary>
/// Operation 50. Revoking a grant deletes it and every grant its cascade made (their origin is
/// its p_id) in one statement; a cascaded grant has no such followers, so revoking it deletes only
/// it. A p_id the caller cannot see, and one that is not a permission (a membership, a
/// relationship between objects), answer 404.
/// </summary>
public sealed class Revoker(RaytioDbContext db, PermissionService permissions, AuditTrail audit)
{
    public async Task RevokeAsync(Guid caller, Guid pId, CancellationToken cancellationToken)
    {
        var found = await db.GraphRelationships
            .Where(r => r.PId == pId)
            .Select(r => new { r.Type, r.EndId })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !RelationshipTypes.Permissions.Contains(found.Type))
        {
            throw NotFound();
        }
        var held = await permissions.EffectiveAsync(caller, found.EndId, cancellationToken);
        if (held == Permission.None)
        {
            throw NotFound();
        }
        if (held < Permission.Admin)
        {
            throw ApiException.Forbidden("forbidden", "Revoking a permission needs IS_OWNER or ADMINS on its object.");
        }
        if (found.Type == RelationshipTypes.IsOwner)
        {
            throw ApiException.BadRequest("use_owner_endpoints", "IS_OWNER is not revoked here: transfer or give up ownership through the owner endpoints.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revoked = await PermissionEdges.Where(db, r => r.PId == pId || r.OriginId == pId).ToListAsync(cancellationToken);
        await db.GraphRelationships.Where(r => r.PId == pId || r.OriginId == pId).ExecuteDeleteAsync(cancellationToken);
        foreach (var edge in revoked)
        {
            audit.Record(AuditEventTypes.PermissionRevoke, caller, edge.EndKey, edge.AuditDetails());
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static ApiException NotFound() => ApiException.NotFound("permission_not_found", "No such permission.");
}
