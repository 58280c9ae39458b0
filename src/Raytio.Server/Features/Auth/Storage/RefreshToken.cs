using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// An opaque refresh token, stored only as its SHA-256 hash. Every use rotates it: the used row
/// keeps UsedAt so a second use is recognised as theft and revokes the whole family.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public Guid FamilyId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> entity)
    {
        entity.ToTable("refresh_tokens");
        entity.HasIndex(t => t.TokenHash).IsUnique();
        entity.HasIndex(t => t.FamilyId);
        entity.HasIndex(t => t.UserId);
        // For the cleanup's deletes.
        entity.HasIndex(t => t.ExpiresAt);
        entity.HasIndex(t => t.RevokedAt);
        entity.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
