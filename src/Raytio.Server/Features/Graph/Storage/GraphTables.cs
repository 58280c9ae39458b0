using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Graph;

/// <summary>The graph's tables, as properties of the shared context.</summary>
public static class GraphTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<GraphNode> GraphNodes => db.Set<GraphNode>();

        public DbSet<GraphLabel> GraphLabels => db.Set<GraphLabel>();

        public DbSet<GraphRelationship> GraphRelationships => db.Set<GraphRelationship>();
    }
}
