using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Features.Organizations;

namespace Raytio.Server.Features.Xero;

/// <summary>
/// A connection started by GET /xero/{version}/connect and not yet completed: the state is kept
/// only as its SHA-256 (it is a bearer secret in the browser's address bar), bound to the
/// organisation and the administrator, with the PKCE verifier protected, and it is spent by the
/// first callback that names it or when it expires.
/// </summary>
public sealed class XeroAuthorization
{
    public required string StateHash { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public required string CodeVerifier { get; set; }

    public required string RedirectUri { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

internal sealed class XeroAuthorizationConfiguration : IEntityTypeConfiguration<XeroAuthorization>
{
    public void Configure(EntityTypeBuilder<XeroAuthorization> entity)
    {
        entity.ToTable("xero_authorizations");
        entity.HasKey(a => a.StateHash);
        entity.Property(a => a.StateHash).HasMaxLength(64);
        entity.Property(a => a.CodeVerifier).HasMaxLength(2000);
        entity.Property(a => a.RedirectUri).HasMaxLength(2048);
        entity.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(a => a.ExpiresAt);
    }
}
