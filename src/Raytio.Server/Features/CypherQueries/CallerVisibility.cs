using Microsoft.EntityFrameworkCore;
using Raytio.Cypher.Compiler;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.CypherQueries;

/// <summary>What a caller of operation 64 may see, as the compiler takes it (docs/CYPHER.md, "What a caller's graph holds").</summary>
public sealed class CallerVisibility(RaytioDbContext db, PermissionService permissions)
{
    /// <summary>The caller's principals with their kinds in one round trip: the only user node among them is the caller's own.</summary>
    public async Task<GraphVisibility> OfAsync(Guid? caller, CancellationToken cancellationToken)
    {
        var principalIds = permissions.PrincipalsOf(caller);
        var found = await db.GraphNodes.Where(n => principalIds.Contains(n.Id)).Select(n => new { n.Id, n.Kind }).ToListAsync(cancellationToken);
        var userNode = found.Where(n => n.Kind == NodeKind.User).Select(n => (long?)n.Id).SingleOrDefault();
        return new GraphVisibility([.. found.Select(n => n.Id)], userNode);
    }
}
