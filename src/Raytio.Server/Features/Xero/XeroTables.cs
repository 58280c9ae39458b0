using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Xero;

/// <summary>The Xero area's tables, as properties of the shared context.</summary>
public static class XeroTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<XeroConnection> XeroConnections => db.Set<XeroConnection>();

        public DbSet<XeroAuthorization> XeroAuthorizations => db.Set<XeroAuthorization>();
    }
}
