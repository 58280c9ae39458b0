using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// An RS256 key that signs identity and access tokens. Kept in the database so every replica
/// signs and verifies with the same keys. A key is published from creation, signs from
/// <see cref="ActivatesAt"/> until <see cref="RetiredAt"/>, and verifies until it is deleted.
/// </summary>
public sealed class TokenSigningKey
{
    /// <summary>RFC 7638 thumbprint of the public key.</summary>
    public required string Kid { get; set; }

    /// <summary>
    /// The PKCS#8 PEM private key protected by Data Protection (<see cref="TokenKeyRing"/>).
    /// Rows written before keys were protected hold the plain PEM until the next start protects them.
    /// </summary>
    public required string ProtectedPrivateKey { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When it starts signing: after the publish delay, or at once when no other key could sign.</summary>
    public DateTime ActivatesAt { get; set; }

    /// <summary>When the next key takes over signing (may lie ahead); the key verifies until it is deleted.</summary>
    public DateTime? RetiredAt { get; set; }
}

internal sealed class TokenSigningKeyConfiguration : IEntityTypeConfiguration<TokenSigningKey>
{
    public void Configure(EntityTypeBuilder<TokenSigningKey> entity)
    {
        entity.ToTable("token_signing_keys");
        entity.HasKey(k => k.Kid);
    }
}
