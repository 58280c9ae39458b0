using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Auth;

/// <summary>A fixed-window failure counter, in the database so that replicas share it.</summary>
public sealed class ThrottleBucket
{
    public required string Key { get; set; }

    public DateTime WindowStart { get; set; }

    public int Count { get; set; }
}

internal sealed class ThrottleBucketConfiguration : IEntityTypeConfiguration<ThrottleBucket>
{
    public void Configure(EntityTypeBuilder<ThrottleBucket> entity)
    {
        entity.ToTable("throttle_buckets");
        entity.HasKey(b => b.Key);
        entity.HasIndex(b => b.WindowStart);
    }
}
