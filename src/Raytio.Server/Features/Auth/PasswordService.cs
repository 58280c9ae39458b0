using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA512 hashes from ASP.NET Core Identity's PasswordHasher, at the configured
/// iteration count, plus the password rules.
/// </summary>
public sealed class PasswordService
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 256;

    private readonly PasswordHasher<User> hasher;
    private readonly string dummyHash;

    public PasswordService(IOptions<RaytioOptions> options)
    {
        hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.Tokens.PasswordHashIterations,
        }));
        dummyHash = hasher.HashPassword(null!, "unknown-user-timing-equaliser");
    }

    public string Hash(User user, string password) => hasher.HashPassword(user, password);

    public PasswordVerificationResult Verify(User user, string password) => hasher.VerifyHashedPassword(user, user.PasswordHash, password);

    /// <summary>Spends the same time as a real check, so unknown usernames are not revealed by timing.</summary>
    public void VerifyAgainstDummy(string password) => hasher.VerifyHashedPassword(null!, dummyHash, password);

    /// <summary>Adds a message per broken rule under <paramref name="field"/>.</summary>
    public static void CheckRules(Validation validation, string field, string? password, string? username)
    {
        if (string.IsNullOrEmpty(password))
        {
            validation.Add(field, $"'{field}' is required.");
            return;
        }
        if (password.Length < MinimumLength)
        {
            validation.Add(field, $"'{field}' must be at least {MinimumLength} characters long.");
        }
        if (password.Length > MaximumLength)
        {
            validation.Add(field, $"'{field}' must be at most {MaximumLength} characters long.");
        }
        if (password.Distinct().Count() < 4)
        {
            validation.Add(field, $"'{field}' must use at least 4 different characters.");
        }
        if (username is not null && string.Equals(password, username, StringComparison.OrdinalIgnoreCase))
        {
            validation.Add(field, $"'{field}' must not be the username.");
        }
    }
}
