using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA512 hashes from ASP.NET Core Identity's PasswordHasher, at the configured
/// iteration count, plus the password rules. A hash costs a quarter of a second of CPU, so at
/// most one runs per core: a burst of logins waits its turn (or gets 503) instead of starving
/// every other endpoint of threads.
/// </summary>
public sealed class PasswordService
{

    public const int MinimumLength = 8;
    public const int MaximumLength = 256;

    private readonly PasswordHasher<User> hasher;
    private readonly string dummyHash;
    private readonly SemaphoreSlim gate = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private readonly TimeSpan queueTimeout;

    public PasswordService(IOptions<TokenOptions> options)
    {
        hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.PasswordHashIterations,
        }));
        dummyHash = hasher.HashPassword(null!, "unknown-user-timing-equaliser");
        queueTimeout = options.Value.PasswordHashQueueTimeout;
    }

    public Task<string> HashAsync(User user, string password, CancellationToken cancellationToken) =>
        RunGatedAsync(() => hasher.HashPassword(user, password), cancellationToken);

    public Task<PasswordVerificationResult> VerifyAsync(User user, string password, CancellationToken cancellationToken) =>
        RunGatedAsync(() => hasher.VerifyHashedPassword(user, user.PasswordHash, password), cancellationToken);

    /// <summary>Spends the same time as a real check, so unknown usernames are not revealed by timing.</summary>
    public Task VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken) =>
        RunGatedAsync(() => hasher.VerifyHashedPassword(null!, dummyHash, password), cancellationToken);

    private async Task<T> RunGatedAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (!await gate.WaitAsync(queueTimeout, cancellationToken))
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "server_busy", "The server is busy checking passwords. Try again shortly.")
            {
                RetryAfter = TimeSpan.FromSeconds(1),
            };
        }
        try
        {
            return work();
        }
        finally
        {
            gate.Release();
        }
    }

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
