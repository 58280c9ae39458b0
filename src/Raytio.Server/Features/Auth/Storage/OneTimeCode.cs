using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Auth;

public enum CodePurpose
{
    Signup = 0,
    PasswordReset = 1,
}

/// <summary>An emailed code, kept only as a hash; one live code per user and purpose.</summary>
public sealed class OneTimeCode
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public CodePurpose Purpose { get; set; }

    public required string CodeHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

internal sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> entity)
    {
        entity.ToTable("one_time_codes");
        entity.HasIndex(c => new { c.UserId, c.Purpose }).IsUnique();
        entity.HasIndex(c => c.ExpiresAt);
        entity.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
