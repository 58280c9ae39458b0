using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;
using Raytio.Server.Features.Organizations;

namespace Raytio.Server.Features.Domains;

/// <summary>A white-label domain's settings; a domain name belongs to one organisation only.</summary>
public sealed class WhiteLabelDomain
{
    /// <summary>The domain name, lower-case, without a trailing dot (see DomainNames).</summary>
    public required string Domain { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The reference's `name`.</summary>
    public required string Name { get; set; }

    /// <summary>The `theme` object as JSON text (kept as text so its key order survives).</summary>
    public string ThemeJson { get; set; } = "{}";

    /// <summary>The `logo` object (logo URLs) as JSON text.</summary>
    public string LogoJson { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class WhiteLabelDomainConfiguration : IEntityTypeConfiguration<WhiteLabelDomain>
{
    public void Configure(EntityTypeBuilder<WhiteLabelDomain> domain)
    {
        domain.ToTable("white_label_domains");
        domain.HasKey(d => d.Domain);
        domain.Property(d => d.Domain).HasMaxLength(253);
        domain.Property(d => d.Name).HasMaxLength(253);
        domain.HasIndex(d => d.OrganizationId);
        domain.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The domain table, as a property of the shared context.</summary>
public static class DomainTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<WhiteLabelDomain> WhiteLabelDomains => db.Set<WhiteLabelDomain>();
    }
}
