using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// An invitation of an email address to join an organisation. The emailed code is stored only as
/// its SHA-256 (hex); an invitation is pending while not accepted, not revoked and not expired.
/// </summary>
public sealed class OrganizationInvite
{
    /// <summary>The invite_id.</summary>
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The invited address, lower-case as usernames are.</summary>
    public required string Email { get; set; }

    public required string CodeHash { get; set; }

    public OrganizationRole Role { get; set; }

    public Guid InvitedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public Guid? AcceptedBy { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal sealed class OrganizationInviteConfiguration : IEntityTypeConfiguration<OrganizationInvite>
{
    public void Configure(EntityTypeBuilder<OrganizationInvite> invite)
    {
        invite.ToTable("organization_invites");
        invite.Property(i => i.Id).ValueGeneratedNever();
        invite.Property(i => i.Email).HasMaxLength(320);
        invite.Property(i => i.CodeHash).HasMaxLength(64);
        invite.HasIndex(i => i.CodeHash).IsUnique();
        invite.HasIndex(i => new { i.OrganizationId, i.Email });
        invite.HasIndex(i => i.ExpiresAt);
        invite.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
