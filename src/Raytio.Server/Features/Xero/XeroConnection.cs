using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Features.Organizations;

namespace Raytio.Server.Features.Xero;

/// <summary>
/// An organisation's connected Xero ledger: the tenant chosen from `/connections` and the token
/// pair, both tokens protected by <see cref="Secrets.SecretProtector"/>. <see cref="Revision"/>
/// rises with every refresh and every connection stored: each is written only over the revision it
/// read (a refresh's `UPDATE ... WHERE revision`, a connection's concurrency token), so writers
/// racing cannot leave a mixed pair or two pairs under one revision.
/// </summary>
public sealed class XeroConnection
{
    public Guid OrganizationId { get; set; }

    public Guid TenantId { get; set; }

    public required string TenantName { get; set; }

    public Guid ConnectionId { get; set; }

    public required string AccessToken { get; set; }

    public required string RefreshToken { get; set; }

    public DateTime AccessTokenExpiresAt { get; set; }

    public int Revision { get; set; }

    public Guid ConnectedBy { get; set; }

    public DateTime ConnectedAt { get; set; }

    public DateTime RefreshedAt { get; set; }

    /// <summary>Set when Xero refused the refresh token (revoked or unused for 60 days): an administrator must connect again.</summary>
    public DateTime? RevokedAt { get; set; }
}

internal sealed class XeroConnectionConfiguration : IEntityTypeConfiguration<XeroConnection>
{
    public void Configure(EntityTypeBuilder<XeroConnection> entity)
    {
        entity.ToTable("xero_connections");
        entity.HasKey(c => c.OrganizationId);
        entity.Property(c => c.OrganizationId).ValueGeneratedNever();
        entity.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(c => c.TenantName).HasMaxLength(500);
        entity.Property(c => c.AccessToken).HasMaxLength(8000);
        entity.Property(c => c.RefreshToken).HasMaxLength(2000);
        entity.Property(c => c.Revision).IsConcurrencyToken();
    }
}
