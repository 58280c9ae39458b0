using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Graph;

/// <summary>
/// Serialises the changes of one node's ownership or memberships. The first statement of such a
/// change's transaction rewrites the node's updated_at: on PostgreSQL that takes the row lock, so
/// a concurrent change of the same node waits and then reads what the first committed; SQLite
/// already holds its single write lock for the whole (immediate) transaction. A portable
/// SELECT ... FOR UPDATE, in effect.
/// </summary>
public static class GraphNodeLocks
{
    /// <summary>Locks the node for the rest of the transaction; false when it no longer exists (deleted meanwhile).</summary>
    public static async Task<bool> LockNodeAsync(this RaytioDbContext db, long nodeId, DateTime now, CancellationToken cancellationToken) =>
        await db.GraphNodes.Where(n => n.Id == nodeId).ExecuteUpdateAsync(s => s.SetProperty(n => n.UpdatedAt, now), cancellationToken) == 1;
}
