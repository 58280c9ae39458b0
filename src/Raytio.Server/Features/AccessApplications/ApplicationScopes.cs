using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Scopes;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>An application's scopes are `{server_id}/{scope_name}` and must name a scope a resource server declares (operation 87).</summary>
public sealed class ApplicationScopes(RaytioDbContext db)
{
    public const int MaxNameLength = 201;

    /// <summary>400 naming `scopes[i]` for the first scope no resource server declares.</summary>
    public async Task RequireDeclaredAsync(IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        var wanted = scopes.Select(Split).ToList();
        var servers = wanted.Select(w => w.Server).Distinct().ToList();
        var declared = await db.ResourceServerScopes.AsNoTracking()
            .Where(s => servers.Contains(s.ServerId))
            .Select(s => new { s.ServerId, s.Name })
            .ToListAsync(cancellationToken);
        for (var i = 0; i < wanted.Count; i++)
        {
            var (server, name) = wanted[i];
            if (!declared.Any(d => d.ServerId == server && d.Name == name))
            {
                throw ApiException.Invalid($"scopes[{i}]", $"'scopes[{i}]' ('{scopes[i]}') is not a scope of any resource server (see GET /share/v1/resource_servers).");
            }
        }
    }

    private static (string Server, string Name) Split(string scope)
    {
        var slash = scope.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 ? ("", scope) : (scope[..slash], scope[(slash + 1)..]);
    }
}
