using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Secrets;

/// <summary>The Secrets area's tables, as properties of the shared context.</summary>
public static class SecretsTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<DataProtectionKeyRow> DataProtectionKeys => db.Set<DataProtectionKeyRow>();

        public DbSet<ServerSecret> ServerSecrets => db.Set<ServerSecret>();
    }
}
