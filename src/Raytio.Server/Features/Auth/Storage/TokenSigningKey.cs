using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// An RS256 key that signs identity and access tokens. Kept in the database so every replica
/// signs and verifies with the same keys.
/// </summary>
public sealed class TokenSigningKey
{
    /// <summary>RFC 7638 thumbprint of the public key.</summary>
    public required string Kid { get; set; }

    public required string PrivateKeyPem { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When a newer key took over signing; the key still verifies until it is deleted.</summary>
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
