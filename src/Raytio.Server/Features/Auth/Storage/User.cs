using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Auth;

public enum UserStatus
{
    /// <summary>Signed up; the emailed verification code has not been confirmed yet.</summary>
    Unconfirmed = 0,
    Confirmed = 1,

    /// <summary>A password reset was requested: password login is blocked until it is confirmed.</summary>
    ResetRequired = 2,
}

public sealed class User
{
    public Guid Id { get; set; }

    /// <summary>The username: an email address, stored lower-case so lookups are exact.</summary>
    public required string Email { get; set; }

    public required string PasswordHash { get; set; }

    public UserStatus Status { get; set; }

    /// <summary>
    /// Put in every token at issue and compared on each authenticated request: a new value (on a
    /// password change or reset, or when the account is disabled) ends every token issued before.
    /// </summary>
    public Guid SecurityStamp { get; set; }

    /// <summary>Set by `users disable`: no sign-in, no refresh, and existing tokens stop working.</summary>
    public DateTime? DisabledAt { get; set; }

    /// <summary>The caller's preferences object (operation 65/66), stored as JSON text.</summary>
    public string PreferencesJson { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> entity)
    {
        entity.ToTable("users");
        entity.HasIndex(u => u.Email).IsUnique();
        entity.Property(u => u.Email).HasMaxLength(320);
    }
}
