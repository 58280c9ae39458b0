using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;

namespace Raytio.Server.Features.Permissions;

/// <summary>One sub object a cascade reached: granted when the caller administers it, else skipped.</summary>
public sealed class CascadeStep
{
    public long Id { get; init; }

    public Guid Key { get; init; }

    /// <summary>1 when the caller holds IS_OWNER or ADMINS on it (the walk went on through it).</summary>
    public int Administered { get; init; }

    /// <summary>1 when the caller holds any permission on it, so its n_id may be shown.</summary>
    public int Visible { get; init; }
}

/// <summary>
/// The cascade of a grant: from the object, along outgoing relationships between profile objects
/// (any non-reserved type), transitively, but only onward from sub objects the caller
/// administers. One recursive query, the same on SQLite and PostgreSQL; UNION (not UNION ALL)
/// drops rows already reached, so a cycle ends the walk.
/// </summary>
public sealed class CascadeWalk(RaytioDbContext db)
{
    /// <summary>Every profile object the walk reached from <paramref name="rootId"/> (excluded), ordered by id.</summary>
    public Task<List<CascadeStep>> FromAsync(Guid caller, long rootId, CancellationToken cancellationToken)
    {
        var publicKey = PublicGroup.Key;
        var userKind = (int)NodeKind.User;
        var objectKind = (int)NodeKind.ProfileObject;
        const string owner = RelationshipTypes.IsOwner, admins = RelationshipTypes.Admins, edits = RelationshipTypes.Edits,
            views = RelationshipTypes.Views, belongsTo = RelationshipTypes.BelongsTo;
        // principals: as PermissionService.PrincipalsOf (PUBLIC, the caller's node, its groups).
        // PUBLIC holds only VIEWS, so it never makes a node administered. Nodes are read by
        // scalar subqueries (one primary-key lookup per row), not joins, so that a planner with
        // stale statistics cannot turn the walk into a scan of graph_nodes per reached node.
        return db.Database.SqlQuery<CascadeStep>($$"""
            WITH RECURSIVE
            principals (id) AS (
                SELECT id FROM graph_nodes WHERE key = {{publicKey}}
                UNION
                SELECT id FROM graph_nodes WHERE key = {{caller}} AND kind = {{userKind}}
                UNION
                SELECT m.end_id FROM graph_relationships m JOIN graph_nodes u ON u.id = m.start_id
                WHERE u.key = {{caller}} AND u.kind = {{userKind}} AND m.type = {{belongsTo}}
            ),
            reached (id, administered) AS (
                SELECT {{rootId}}, 1
                UNION
                SELECT r.end_id,
                       CASE WHEN EXISTS (
                           SELECT 1 FROM graph_relationships p
                           WHERE p.end_id = r.end_id AND p.type IN ({{owner}}, {{admins}})
                             AND p.start_id IN (SELECT id FROM principals))
                       THEN 1 ELSE 0 END
                FROM reached
                JOIN graph_relationships r ON r.start_id = reached.id
                WHERE reached.administered = 1
                  AND r.type NOT IN ({{owner}}, {{admins}}, {{edits}}, {{views}}, {{belongsTo}})
                  AND (SELECT n.kind FROM graph_nodes n WHERE n.id = r.end_id) = {{objectKind}}
            )
            SELECT reached.id AS id, (SELECT n.key FROM graph_nodes n WHERE n.id = reached.id) AS key, reached.administered AS administered,
                   CASE WHEN reached.administered = 1 OR EXISTS (
                       SELECT 1 FROM graph_relationships v
                       WHERE v.end_id = reached.id AND v.type IN ({{owner}}, {{admins}}, {{edits}}, {{views}})
                         AND v.start_id IN (SELECT id FROM principals))
                   THEN 1 ELSE 0 END AS visible
            FROM reached
            WHERE reached.id <> {{rootId}}
            ORDER BY reached.id
            """).ToListAsync(cancellationToken);
    }
}
