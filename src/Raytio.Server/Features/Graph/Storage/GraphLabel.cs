using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Graph;

/// <summary>One label of a node, so that "nodes labelled X" is an index range on both engines.</summary>
public sealed class GraphLabel
{
    public long NodeId { get; set; }

    public required string Label { get; set; }
}

internal sealed class GraphLabelConfiguration : IEntityTypeConfiguration<GraphLabel>
{
    public const int MaxLabelLength = 200;

    public void Configure(EntityTypeBuilder<GraphLabel> entity)
    {
        entity.ToTable("graph_labels");
        entity.HasKey(l => new { l.Label, l.NodeId });
        entity.HasIndex(l => l.NodeId);
        entity.Property(l => l.Label).HasMaxLength(MaxLabelLength);
        entity.HasOne<GraphNode>().WithMany().HasForeignKey(l => l.NodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
