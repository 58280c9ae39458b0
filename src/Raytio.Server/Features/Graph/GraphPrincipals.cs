using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;

namespace Raytio.Server.Features.Graph;

/// <summary>
/// Users as nodes of the graph. An account gets its node the first time the graph needs it (it
/// creates an object, is granted something, joins a group), made with an insert that ignores a
/// concurrent twin, so it is safe inside a caller's transaction on both engines.
/// </summary>
public sealed class GraphPrincipals(RaytioDbContext db, TimeProvider time)
{
    /// <summary>The node id of an account known to exist (e.g. the caller).</summary>
    public async Task<long> UserNodeAsync(Guid userId, CancellationToken cancellationToken)
    {
        var existing = await ExistingUserNodeAsync(userId, cancellationToken);
        if (existing is not null)
        {
            return existing.Value;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var kind = (int)NodeKind.User;
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO graph_nodes (key, kind, labels, properties, created_at, updated_at)
            VALUES ({{userId}}, {{kind}}, '["User"]', '{}', {{now}}, {{now}})
            ON CONFLICT (key) DO NOTHING
            """, cancellationToken);
        return await ExistingUserNodeAsync(userId, cancellationToken)
            ?? throw new InvalidOperationException($"The graph node of user {userId} could not be made.");
    }

    /// <summary>
    /// The node id of the account a request names (a grantee, a new member); 404 `user_not_found`
    /// when no such account exists.
    /// </summary>
    public async Task<long> NamedUserNodeAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw PermissionService.NotFound(NodeKind.User);
        }
        return await UserNodeAsync(userId, cancellationToken);
    }

    public Task<long?> ExistingUserNodeAsync(Guid userId, CancellationToken cancellationToken) =>
        db.GraphNodes.Where(n => n.Key == userId && n.Kind == NodeKind.User).Select(n => (long?)n.Id).FirstOrDefaultAsync(cancellationToken);
}
