using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>
/// A public key of an application (operations 75-78), the reference's n_id. People wrap the keys
/// of their encrypted fields with it; the newest is the default.
/// </summary>
public sealed class ApplicationPublicKey
{
    /// <summary>n_id.</summary>
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The validated public JWK as given.</summary>
    public required string Jwk { get; set; }

    public Guid CreatedBy { get; set; }

    /// <summary>Answered as `date`.</summary>
    public DateTime CreatedAt { get; set; }
}

internal sealed class ApplicationPublicKeyConfiguration : IEntityTypeConfiguration<ApplicationPublicKey>
{
    public void Configure(EntityTypeBuilder<ApplicationPublicKey> key)
    {
        key.ToTable("application_public_keys");
        key.HasIndex(k => new { k.ApplicationId, k.CreatedAt });
    }
}

/// <summary>
/// The application's private key matching a public key, wrapped for one user (operations 79-82):
/// only that user can unwrap it; the server never sees it in clear.
/// </summary>
public sealed class ApplicationPrivateKey
{
    public Guid PublicKeyId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The reference's `encrypted_data` object as given.</summary>
    public required string EncryptedDataJson { get; set; }

    /// <summary>The reference's `encrypted_key` object as given.</summary>
    public required string EncryptedKeyJson { get; set; }

    public Guid StoredBy { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class ApplicationPrivateKeyConfiguration : IEntityTypeConfiguration<ApplicationPrivateKey>
{
    public void Configure(EntityTypeBuilder<ApplicationPrivateKey> key)
    {
        key.ToTable("application_private_keys");
        key.HasKey(k => new { k.PublicKeyId, k.UserId });
        key.Property(k => k.EncryptedDataJson).HasColumnName("encrypted_data");
        key.Property(k => k.EncryptedKeyJson).HasColumnName("encrypted_key");
        key.HasIndex(k => k.UserId);
    }
}
