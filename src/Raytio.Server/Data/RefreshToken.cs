namespace Raytio.Server.Data;

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
