using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Scopes;

/// <summary>The resource-server tables, as properties of the shared context.</summary>
public static class ScopeTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<ResourceServer> ResourceServers => db.Set<ResourceServer>();

        public DbSet<ResourceServerScope> ResourceServerScopes => db.Set<ResourceServerScope>();
    }
}
