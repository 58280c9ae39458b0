using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Schemas;

/// <summary>The Schemas area's tables, as properties of the shared context.</summary>
public static class SchemaTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<SchemaVersion> Schemas => db.Set<SchemaVersion>();
    }
}
