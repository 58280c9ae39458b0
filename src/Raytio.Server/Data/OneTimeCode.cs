namespace Raytio.Server.Data;

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
