using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;
using Raytio.Server.Features.Organizations;

namespace Raytio.Server.Features.Links;

/// <summary>
/// A short link: `/l/{Id}` redirects to <see cref="Url"/>. A link made without `persist`
/// expires at <see cref="ExpiresAt"/>; a persisted or organisation link has none.
/// </summary>
public sealed class ShortLink
{
    /// <summary>The short_link_id: random, URL-safe (see ShortIds), never sequential.</summary>
    public required string Id { get; set; }

    public required string Url { get; set; }

    public bool Persist { get; set; }

    /// <summary>Set for an organisation's link (operation 31), listed on the organisation.</summary>
    public Guid? OrganizationId { get; set; }

    public string? Description { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }
}

internal sealed class ShortLinkConfiguration : IEntityTypeConfiguration<ShortLink>
{
    public void Configure(EntityTypeBuilder<ShortLink> link)
    {
        link.ToTable("short_links");
        link.Property(l => l.Id).HasMaxLength(32);
        link.Property(l => l.Description).HasMaxLength(1000);
        link.HasIndex(l => l.ExpiresAt);
        link.HasIndex(l => new { l.OrganizationId, l.CreatedAt });
        link.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The short-link table, as a property of the shared context.</summary>
public static class LinkTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<ShortLink> ShortLinks => db.Set<ShortLink>();
    }
}
