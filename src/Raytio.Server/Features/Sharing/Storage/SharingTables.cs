using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Sharing;

/// <summary>The sharing tables, as properties of the shared context.</summary>
public static class SharingTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<ShareInstance> ShareInstances => db.Set<ShareInstance>();

        public DbSet<ShareInstanceObject> ShareInstanceObjects => db.Set<ShareInstanceObject>();

        public DbSet<ShareInstanceRelationship> ShareInstanceRelationships => db.Set<ShareInstanceRelationship>();

        public DbSet<ShareInstanceKey> ShareInstanceKeys => db.Set<ShareInstanceKey>();

        public DbSet<ShareInstanceEvent> ShareInstanceHistory => db.Set<ShareInstanceEvent>();
    }
}
