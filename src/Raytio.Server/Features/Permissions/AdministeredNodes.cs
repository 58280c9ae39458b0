using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Permissions;

/// <summary>
/// The node whose permissions operations 48-49 manage: a profile object, or a group (ADMINS on a
/// group lets its holder manage the members). Both answer as a profile object would, so a group
/// id the caller may not see is indistinguishable from an unknown object id.
/// </summary>
public sealed class AdministeredNodes(RaytioDbContext db, PermissionService permissions)
{
    public async Task<GraphNode> RequireAsync(Guid caller, Guid key, CancellationToken cancellationToken)
    {
        var kind = await db.GraphNodes
            .Where(n => n.Key == key && (n.Kind == NodeKind.ProfileObject || n.Kind == NodeKind.Group))
            .Select(n => (NodeKind?)n.Kind)
            .FirstOrDefaultAsync(cancellationToken);
        try
        {
            return await permissions.RequireAsync(caller, key, kind ?? NodeKind.ProfileObject, Permission.Admin, cancellationToken);
        }
        catch (ApiException hidden) when (hidden.Status == StatusCodes.Status404NotFound)
        {
            throw PermissionService.NotFound(NodeKind.ProfileObject);
        }
    }
}
