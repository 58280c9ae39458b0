using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.UserKeys;

/// <summary>A person's own key pair: the public JWK others wrap for, the private key wrapped by the person.</summary>
public sealed class UserKeyRecord
{
    public Guid UserId { get; set; }

    public string? PublicJwk { get; set; }

    public string? WrappedPrivateKeyJson { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class UserKeyRecordConfiguration : IEntityTypeConfiguration<UserKeyRecord>
{
    public void Configure(EntityTypeBuilder<UserKeyRecord> key)
    {
        key.ToTable("user_keys");
        key.HasKey(k => k.UserId);
        key.Property(k => k.WrappedPrivateKeyJson).HasColumnName("wrapped_private_key");
    }
}
