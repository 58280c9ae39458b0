using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Graph;

/// <summary>
/// A directed relationship between two nodes: a permission (IS_OWNER, ADMINS, EDITS, VIEWS from a
/// user or group to a node), a membership (BELONGS_TO from a user to a group) or a relationship
/// between profile objects (any other type, e.g. REPRESENTED_BY).
/// </summary>
public sealed class GraphRelationship
{
    public long Id { get; set; }

    /// <summary>The public identifier (p_id).</summary>
    public Guid PId { get; set; }

    public long StartId { get; set; }

    public long EndId { get; set; }

    public required string Type { get; set; }

    public string PropertiesJson { get; set; } = "{}";

    /// <summary>
    /// The p_id of the grant this one was made for: its own p_id, or, for a grant a cascade made
    /// on a sub object, the p_id of the grant that cascaded. Revoking a grant deletes every
    /// relationship of its origin, so a cascade leaves nothing behind.
    /// </summary>
    public Guid OriginId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class GraphRelationshipConfiguration : IEntityTypeConfiguration<GraphRelationship>
{
    public const int MaxTypeLength = 100;

    public void Configure(EntityTypeBuilder<GraphRelationship> entity)
    {
        entity.ToTable("graph_relationships");
        entity.HasIndex(r => r.PId).IsUnique();
        // "What do these principals hold on node Z": the permission check.
        entity.HasIndex(r => new { r.EndId, r.StartId, r.Type });
        // "What does principal X hold / which groups does user X belong to / where does this object point".
        entity.HasIndex(r => new { r.StartId, r.Type, r.EndId });
        // One relationship per origin: a cascade through a cycle cannot grant twice.
        entity.HasIndex(r => new { r.OriginId, r.StartId, r.EndId, r.Type }).IsUnique();
        entity.Property(r => r.Type).HasMaxLength(MaxTypeLength);
        entity.Property(r => r.PropertiesJson).HasColumnName("properties").IsJson();
        entity.HasOne<GraphNode>().WithMany().HasForeignKey(r => r.StartId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<GraphNode>().WithMany().HasForeignKey(r => r.EndId).OnDelete(DeleteBehavior.Cascade);
    }
}
