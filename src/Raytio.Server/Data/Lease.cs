using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Data;

/// <summary>
/// A named lease in the database: the one replica whose <see cref="Holder"/> it is, until
/// <see cref="ExpiresAt"/>, does the named singleton work (e.g. sealing the audit chain).
/// </summary>
public sealed class Lease
{
    public required string Name { get; set; }

    public Guid Holder { get; set; }

    public DateTime ExpiresAt { get; set; }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> entity)
    {
        entity.ToTable("leases");
        entity.HasKey(l => l.Name);
        entity.Property(l => l.Name).HasMaxLength(100);
    }
}

public static class LeaseTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<Lease> Leases => db.Set<Lease>();
    }
}
