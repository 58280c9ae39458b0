using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Password hashes: new ones are Argon2id at the configured cost (OWASP: m = 19 MiB, t = 2,
/// p = 1); PBKDF2 hashes of ASP.NET Core Identity from earlier versions keep verifying and are
/// reported as needing a rehash, as are Argon2id hashes at other parameters. Hashing is gated
/// to one at a time per core, which also bounds the memory Argon2id takes: a burst of logins
/// waits its turn (or gets 503) instead of starving every other endpoint or exhausting memory.
/// </summary>
public sealed class PasswordService
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 256;

    private static readonly PasswordHasher<User> LegacyHasher = new();

    private readonly int _memoryKiB;
    private readonly int _passes;
    private readonly string _dummyHash;
    private readonly SemaphoreSlim _gate = new(Environment.ProcessorCount, Environment.ProcessorCount);

    private readonly TimeSpan _queueTimeout;

    /// <summary>Counts every Argon2id or PBKDF2 computation, tagged hash or verify (also what the enumeration tests count).</summary>
    public const string HashCounterName = "raytio.auth.password_hashes";

    private readonly Counter<long> _computations;

    public PasswordService(IOptions<TokenOptions> options, IMeterFactory meters)
    {
        _computations = meters.Create("Raytio.Auth").CreateCounter<long>(HashCounterName, description: "Password hash computations");
        _memoryKiB = options.Value.PasswordHashMemoryKiB;
        _passes = options.Value.PasswordHashPasses;
        _dummyHash = Argon2idHash.Create("unknown-user-timing-equaliser", _memoryKiB, _passes).ToString();
        _queueTimeout = options.Value.PasswordHashQueueTimeout;
    }

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        RunGatedAsync(() =>
        {
            _computations.Add(1, new KeyValuePair<string, object?>("operation", "hash"));
            return Argon2idHash.Create(password, _memoryKiB, _passes).ToString();
        }, cancellationToken);

    public Task<PasswordVerificationResult> VerifyAsync(string storedHash, string password, CancellationToken cancellationToken) =>
        RunGatedAsync(() => Verify(storedHash, password), cancellationToken);

    /// <summary>Spends the same time as a real check, so unknown usernames are not revealed by timing.</summary>
    public Task VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken) =>
        RunGatedAsync(() => Verify(_dummyHash, password), cancellationToken);

    private PasswordVerificationResult Verify(string storedHash, string password)
    {
        _computations.Add(1, new KeyValuePair<string, object?>("operation", "verify"));
        if (Argon2idHash.TryParse(storedHash) is { } argon2)
        {
            return !argon2.Matches(password) ? PasswordVerificationResult.Failed
                : argon2.MemoryKiB == _memoryKiB && argon2.Passes == _passes ? PasswordVerificationResult.Success
                : PasswordVerificationResult.SuccessRehashNeeded;
        }
        return LegacyHasher.VerifyHashedPassword(null!, storedHash, password) == PasswordVerificationResult.Failed
            ? PasswordVerificationResult.Failed
            : PasswordVerificationResult.SuccessRehashNeeded;
    }

    /// <summary>Runs <paramref name="work"/> in one of the per-core slots every hash and verify takes (internal: tests fill the slots with work that waits for them).</summary>
    internal async Task<T> RunGatedAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(_queueTimeout, cancellationToken))
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
            _gate.Release();
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
