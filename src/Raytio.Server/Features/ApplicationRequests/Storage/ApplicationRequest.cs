using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;
using Raytio.Server.Features.Organizations;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>
/// An organisation's request that a person (by email) complete an access application. Deleted
/// 7 days after creation by the cleanup pass; `deleted` removes it at once.
/// </summary>
public sealed class ApplicationRequest
{
    /// <summary>The request_short_code: random, URL-safe, unique across organisations.</summary>
    public required string ShortCode { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Email { get; set; }

    public required string PageLink { get; set; }

    public required string Source { get; set; }

    /// <summary>Stored as given until the sharing issue validates it against the organisation's applications.</summary>
    public string? AId { get; set; }

    public string? AaName { get; set; }

    /// <summary>`sent` or `complete` (`resend` returns to `sent`; `deleted` removes the row).</summary>
    public required string State { get; set; }

    /// <summary>The u_id of the member who made the request.</summary>
    public Guid Owner { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class ApplicationRequestConfiguration : IEntityTypeConfiguration<ApplicationRequest>
{
    public void Configure(EntityTypeBuilder<ApplicationRequest> request)
    {
        request.ToTable("application_requests");
        request.HasKey(r => r.ShortCode);
        request.Property(r => r.ShortCode).HasMaxLength(32);
        request.Property(r => r.Email).HasMaxLength(320);
        request.Property(r => r.Source).HasMaxLength(2048);
        request.Property(r => r.AId).HasMaxLength(64);
        request.Property(r => r.AaName).HasMaxLength(200);
        request.Property(r => r.State).HasMaxLength(16);
        request.HasIndex(r => new { r.OrganizationId, r.CreatedAt, r.ShortCode });
        request.HasIndex(r => r.CreatedAt);
        request.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The application-request table, as a property of the shared context.</summary>
public static class ApplicationRequestTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<ApplicationRequest> ApplicationRequests => db.Set<ApplicationRequest>();
    }
}
