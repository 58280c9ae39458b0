using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// Deletes an object (owner only). Its labels and every relationship to or from it (grants,
/// cascaded grants, object relationships) go with the node by foreign-key cascade; its document is
/// deleted after the commit when no other object names the same content. The audit event keeps ids.
/// </summary>
public sealed class ProfileObjectDeleter(RaytioDbContext db, PermissionService permissions, AuditTrail audit, ContentCleanup cleanup)
{
    public async Task DeleteAsync(Guid caller, Guid key, CancellationToken cancellationToken)
    {
        var node = await permissions.RequireAsync(caller, key, NodeKind.ProfileObject, Permission.Own, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.GraphNodes.Where(n => n.Id == node.Id).ExecuteDeleteAsync(cancellationToken);
            audit.Record(AuditEventTypes.ProfileDelete, caller, node.Key, new JsonObject
            {
                ["n_id"] = node.Key.ToString(),
                ["id"] = node.Id,
                ["schema"] = node.SchemaName,
                ["schema_version"] = node.SchemaVersion,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (node.ContentHash is { } hash)
        {
            await cleanup.DeleteUnreferencedAsync([hash]);
        }
    }
}
