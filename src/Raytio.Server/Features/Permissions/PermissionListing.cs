using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Permissions;

/// <summary>Operation 49: every permission relationship on a node the caller administers, IS_OWNER and cascaded grants included.</summary>
public sealed class PermissionListing(RaytioDbContext db, AdministeredNodes nodes)
{
    public async Task<JsonObject> ListAsync(Guid caller, Guid objectKey, CancellationToken cancellationToken)
    {
        var target = await nodes.RequireAsync(caller, objectKey, cancellationToken);
        var types = RelationshipTypes.Permissions;
        var edges = await PermissionEdges.Where(db, r => r.EndId == target.Id && types.Contains(r.Type)).ToListAsync(cancellationToken);
        return PermissionEdge.Answer(edges);
    }
}
