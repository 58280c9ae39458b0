using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Graph;

/// <summary>What a node of the graph is: a profile object, a user or a group.</summary>
public enum NodeKind
{
    ProfileObject = 0,
    User = 1,
    Group = 2,
}

/// <summary>
/// A node of the permissioned graph. <see cref="Id"/> is the stable numeric id the API shows as
/// `id` (and relationships use in `start` / `end`); <see cref="Key"/> is its public identifier:
/// n_id of a profile object, u_id of a user (the account's id), g_id of a group.
/// </summary>
public sealed class GraphNode
{
    public long Id { get; set; }

    public Guid Key { get; set; }

    public NodeKind Kind { get; set; }

    /// <summary>The labels as a JSON array, kept in order for answers; <see cref="GraphLabel"/> rows make them queryable.</summary>
    public string LabelsJson { get; set; } = "[]";

    /// <summary>The properties as a JSON object (jsonb on PostgreSQL).</summary>
    public string PropertiesJson { get; set; } = "{}";

    /// <summary>The schema version row the properties were validated against (profile objects only).</summary>
    public Guid? SchemaId { get; set; }

    /// <summary>Full schema name, e.g. `ss_NZ_Person`.</summary>
    public string? SchemaName { get; set; }

    public int? SchemaVersion { get; set; }

    /// <summary>Binary content (a document or image) in the content store, by its SHA-256 (hex).</summary>
    public string? ContentHash { get; set; }

    public string? ContentType { get; set; }

    public long? ContentLength { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class GraphNodeConfiguration : IEntityTypeConfiguration<GraphNode>
{
    public void Configure(EntityTypeBuilder<GraphNode> entity)
    {
        entity.ToTable("graph_nodes");
        entity.HasIndex(n => n.Key).IsUnique();
        entity.HasIndex(n => n.ContentHash);
        entity.Property(n => n.LabelsJson).HasColumnName("labels").IsJson();
        entity.Property(n => n.PropertiesJson).HasColumnName("properties").IsJson();
        entity.Property(n => n.SchemaName).HasMaxLength(200);
        entity.Property(n => n.ContentHash).HasMaxLength(64);
        entity.Property(n => n.ContentType).HasMaxLength(255);
    }
}
