using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>The access-application tables, as properties of the shared context.</summary>
public static class AccessApplicationTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<AccessApplication> AccessApplications => db.Set<AccessApplication>();

        public DbSet<AccessApplicationUser> AccessApplicationUsers => db.Set<AccessApplicationUser>();

        public DbSet<ApplicationPublicKey> ApplicationPublicKeys => db.Set<ApplicationPublicKey>();

        public DbSet<ApplicationPrivateKey> ApplicationPrivateKeys => db.Set<ApplicationPrivateKey>();
    }
}
