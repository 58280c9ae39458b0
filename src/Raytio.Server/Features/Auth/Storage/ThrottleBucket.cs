using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// A counter of failures (or emails) in the database, so that replicas share it. It forgets its
/// count once a whole window has passed since the last event.
/// </summary>
public sealed class ThrottleBucket
{
    public required string Key { get; set; }

    public DateTime LastAt { get; set; }

    public int Count { get; set; }
}

internal sealed class ThrottleBucketConfiguration : IEntityTypeConfiguration<ThrottleBucket>
{
    public void Configure(EntityTypeBuilder<ThrottleBucket> entity)
    {
        entity.ToTable("throttle_buckets");
        entity.HasKey(b => b.Key);
        entity.Property(b => b.Key).HasMaxLength(Throttle.MaximumKeyLength);
        entity.HasIndex(b => b.LastAt);
    }
}
