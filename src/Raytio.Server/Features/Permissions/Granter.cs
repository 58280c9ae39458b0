using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Permissions;

/// <summary>
/// Operation 48. A direct grant is its own origin; its cascade gives the same permission on every
/// sub object the walk reached and the caller administers, each with the grant's p_id as origin,
/// so that revoking the grant removes exactly what it made. The grant, its cascade and their
/// audit events commit together.
/// </summary>
public sealed class Granter(RaytioDbContext db, AdministeredNodes nodes, GraphPrincipals principals, CascadeWalk walk, AuditTrail audit, TimeProvider time)
{
    /// <summary>
    /// The answer of <see cref="PermissionEdge.Answer"/>: the grant first, then the grants its
    /// cascade made, plus `skipped`: the n_ids of sub objects reached but not administered by the
    /// caller (only those the caller may see).
    /// </summary>
    public async Task<JsonObject> GrantAsync(Guid caller, Guid objectKey, GrantRequest request, CancellationToken cancellationToken)
    {
        var input = GrantInput.Parse(request);
        var target = await nodes.RequireAsync(caller, objectKey, cancellationToken);
        if (target.Kind == NodeKind.Group && input.Type != RelationshipTypes.Admins)
        {
            throw ApiException.Invalid("permission", "On a group only ADMINS can be granted (it lets the holder manage the members).");
        }
        var granteeId = await GranteeNodeAsync(input, cancellationToken);

        var existing = await db.GraphRelationships
            .Where(r => r.StartId == granteeId && r.EndId == target.Id && r.Type == input.Type && r.OriginId == r.PId)
            .Select(r => (Guid?)r.PId)
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } pId)
        {
            var made = await PermissionEdges.Where(db, r => r.PId == pId || r.OriginId == pId).ToListAsync(cancellationToken);
            return Answer([.. made.OrderBy(e => e.PId != pId)], []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var root = NewGrant(granteeId, target.Id, input.Type, origin: null);
        var edges = new List<PermissionEdge> { Edge(input, root, target.Kind, target.Key) };
        var skipped = new List<Guid>();
        if (input.Cascade)
        {
            foreach (var step in await walk.FromAsync(caller, target.Id, cancellationToken))
            {
                if (step.Administered == 1)
                {
                    var cascaded = NewGrant(granteeId, step.Id, input.Type, origin: root.PId);
                    edges.Add(Edge(input, cascaded, NodeKind.ProfileObject, step.Key));
                }
                else if (step.Visible == 1)
                {
                    skipped.Add(step.Key);
                }
            }
        }
        foreach (var edge in edges)
        {
            audit.Record(AuditEventTypes.PermissionGrant, caller, edge.EndKey, edge.AuditDetails());
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Answer(edges, skipped);
    }

    private async Task<long> GranteeNodeAsync(GrantInput input, CancellationToken cancellationToken)
    {
        if (input.GranteeKind == NodeKind.User)
        {
            return await principals.NamedUserNodeAsync(input.GranteeKey, cancellationToken);
        }
        var group = await db.GraphNodes
            .Where(n => n.Key == input.GranteeKey && n.Kind == NodeKind.Group)
            .Select(n => (long?)n.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return group ?? throw PermissionService.NotFound(NodeKind.Group);
    }

    private GraphRelationship NewGrant(long granteeId, long objectId, string type, Guid? origin)
    {
        var pId = Guid.NewGuid();
        var grant = new GraphRelationship
        {
            PId = pId,
            OriginId = origin ?? pId,
            StartId = granteeId,
            EndId = objectId,
            Type = type,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.GraphRelationships.Add(grant);
        return grant;
    }

    private static PermissionEdge Edge(GrantInput input, GraphRelationship grant, NodeKind endKind, Guid endKey) =>
        new(grant.PId, grant.OriginId, grant.Type, input.GranteeKind, input.GranteeKey, endKind, endKey);

    private static JsonObject Answer(IReadOnlyList<PermissionEdge> edges, IEnumerable<Guid> skipped)
    {
        var answer = PermissionEdge.Answer(edges);
        answer["skipped"] = new JsonArray([.. skipped.Select(key => (JsonNode)key.ToString())]);
        return answer;
    }
}
