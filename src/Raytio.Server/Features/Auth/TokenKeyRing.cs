using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Raytio.Server.Data;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// The RS256 keys that sign identity and access tokens. They live in the database (private parts
/// protected by <see cref="SecretProtector"/>) so every replica shares them. A new key is
/// published in the JWK set for <see cref="TokenOptions.SigningKeyPublishDelay"/> before it signs,
/// so clients that cache the set know it first; only when no key can sign (first start, a
/// compromised key deleted) does a new key sign at once.
/// Each replica keeps a snapshot of the keys, reloaded asynchronously before it is used: by
/// <see cref="RefreshForAsync"/> (the bearer handler's message event), by the issuer and by the
/// JWK set. The bearer handler's synchronous key resolver (<see cref="Resolve"/>) only reads it.
/// </summary>
public sealed class TokenKeyRing(IServiceScopeFactory scopes, SecretProtector secrets, TimeProvider time, IOptions<TokenOptions> options) : IStartupTask
{
    /// <summary>How old a snapshot may get before the next use reloads it.</summary>
    public static readonly TimeSpan SnapshotLifetime = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan UnknownKidReloadInterval = TimeSpan.FromSeconds(5);
    internal const string ProtectionPurpose = "token-signing-key";
    private const string PlainPemStart = "-----BEGIN";

    private readonly Lock _gate = new();
    private KeySnapshot _snapshot = KeySnapshot.Empty;
    private Task<KeySnapshot>? _reloading;
    private DateTime _lastUnknownKidReload = DateTime.MinValue;

    public sealed record RingKey(string Kid, RsaSecurityKey Key, DateTime CreatedAt, DateTime ActivatesAt, DateTime? RetiredAt)
    {
        public bool SignsAt(DateTime now) => ActivatesAt <= now && (RetiredAt is null || RetiredAt > now);
    }

    /// <param name="Keys">Latest activation first.</param>
    /// <param name="LoadedAt">When the read started.</param>
    private sealed record KeySnapshot(IReadOnlyList<RingKey> Keys, DateTime LoadedAt)
    {
        public static readonly KeySnapshot Empty = new([], DateTime.MinValue);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    Task IStartupTask.RunAsync(CancellationToken cancellationToken) => EnsureCurrentKeyAsync(cancellationToken);

    /// <summary>
    /// Protects private keys stored in plain text by earlier versions, deletes compromised keys
    /// (their tokens fail at once), then makes a key that signs at once when none can, or a
    /// pending one when the newest key is older than the rotation period.
    /// </summary>
    public async Task EnsureCurrentKeyAsync(CancellationToken cancellationToken = default)
    {
        await ProtectPlainKeysAsync(cancellationToken);
        var keys = (await LoadAsync(cancellationToken)).Keys;
        var compromised = keys.Where(k => CompromisedTokenKeys.IsCompromised(k.Key, options.Value)).Select(k => k.Kid).ToList();
        if (compromised.Count > 0)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
                await db.TokenSigningKeys.Where(k => compromised.Contains(k.Kid)).ExecuteDeleteAsync(cancellationToken);
            }
            keys = (await LoadAsync(cancellationToken)).Keys;
        }
        var now = Now;
        var newestInLine = keys.FirstOrDefault(k => k.RetiredAt is null || k.RetiredAt > now);
        if (!keys.Any(k => k.SignsAt(now)) || newestInLine is null || now - newestInLine.CreatedAt >= options.Value.SigningKeyRotation)
        {
            await RotateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Makes a new key, published at once. It signs after the publish delay (the current key signs
    /// until then), or at once when no key can sign now. Older keys verify until their tokens expire.
    /// </summary>
    public async Task<RingKey> RotateAsync(CancellationToken cancellationToken = default)
    {
        var current = await LoadAsync(cancellationToken);
        using var rsa = RSA.Create(2048);
        var kid = Base64UrlEncoder.Encode(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)).ComputeJwkThumbprint());
        var protectedKey = secrets.Protect(ProtectionPurpose, rsa.ExportPkcs8PrivateKeyPem());
        var now = Now;
        var activatesAt = current.Keys.Any(k => k.SignsAt(now)) ? now + options.Value.SigningKeyPublishDelay : now;

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Keys signing or waiting now hand over to the new key when it activates.
            await db.TokenSigningKeys.Where(k => k.RetiredAt == null || k.RetiredAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, activatesAt), cancellationToken);
            var expiredBefore = now - options.Value.IdentityTokenLifetime - options.Value.ClockSkew;
            await db.TokenSigningKeys.Where(k => k.RetiredAt != null && k.RetiredAt < expiredBefore).ExecuteDeleteAsync(cancellationToken);
            db.TokenSigningKeys.Add(new TokenSigningKey { Kid = kid, ProtectedPrivateKey = protectedKey, CreatedAt = now, ActivatesAt = activatesAt });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (await LoadAsync(cancellationToken)).Keys.First(k => k.Kid == kid);
    }

    public async Task<IReadOnlyList<RingKey>> ListAsync(CancellationToken cancellationToken = default) => (await LoadAsync(cancellationToken)).Keys;

    /// <summary>The key that signs new tokens now: the latest activated one not retired.</summary>
    public async Task<RingKey> GetSigningKeyAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var current = _snapshot;
        if (IsStale(current, now) || !current.Keys.Any(k => k.SignsAt(now)))
        {
            current = await ReloadAsync(cancellationToken);
        }
        return current.Keys.FirstOrDefault(k => k.SignsAt(now))
            ?? throw new InvalidOperationException("No token signing key can sign now; the server creates one at start-up.");
    }

    /// <summary>All kept keys, pending ones included (for the JWK set).</summary>
    public async Task<IReadOnlyList<RingKey>> GetVerificationKeysAsync(CancellationToken cancellationToken = default) =>
        IsStale(_snapshot, Now) ? (await ReloadAsync(cancellationToken)).Keys : _snapshot.Keys;

    /// <summary>
    /// Before a token with this kid is validated: reloads a stale snapshot, or one that does not
    /// know the kid (at most every few seconds, so made-up kids cannot hammer the database).
    /// </summary>
    public Task RefreshForAsync(string? kid, CancellationToken cancellationToken)
    {
        var current = _snapshot;
        var now = Now;
        if (IsStale(current, now))
        {
            return ReloadAsync(cancellationToken);
        }
        if (kid is null || current.Keys.Any(k => k.Kid == kid))
        {
            return Task.CompletedTask;
        }
        lock (_gate)
        {
            if (now - _lastUnknownKidReload < UnknownKidReloadInterval)
            {
                return Task.CompletedTask;
            }
            _lastUnknownKidReload = now;
        }
        return ReloadAsync(cancellationToken);
    }

    /// <summary>Keys that may verify a token with this kid; synchronous for JwtBearer, so it reads the snapshot only.</summary>
    public IEnumerable<SecurityKey> Resolve(string? kid) => _snapshot.Keys.Where(k => k.Kid == kid).Select(k => k.Key);

    private static bool IsStale(KeySnapshot current, DateTime now) => now - current.LoadedAt > SnapshotLifetime;

    /// <summary>Concurrent callers share one load; a caller that gives up does not cancel it for the others.</summary>
    private Task<KeySnapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        Task<KeySnapshot> shared;
        lock (_gate)
        {
            if (_reloading is null || _reloading.IsCompleted)
            {
                _reloading = LoadAsync(CancellationToken.None);
            }
            shared = _reloading;
        }
        return shared.WaitAsync(cancellationToken);
    }

    private async Task<KeySnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var loadedAt = Now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var rows = await db.TokenSigningKeys.AsNoTracking().ToListAsync(cancellationToken);
        // A kid is the thumbprint of its key, so keys already parsed are reused.
        var parsed = _snapshot.Keys.ToDictionary(k => k.Kid, k => k.Key);
        var keys = rows
            .OrderByDescending(r => r.ActivatesAt)
            .Select(r => new RingKey(r.Kid, parsed.GetValueOrDefault(r.Kid) ?? ToSecurityKey(r), r.CreatedAt, r.ActivatesAt, r.RetiredAt))
            .ToList();
        var loaded = new KeySnapshot(keys, loadedAt);
        lock (_gate)
        {
            // A load that started earlier but finished later must not replace a newer view.
            if (loaded.LoadedAt >= _snapshot.LoadedAt)
            {
                _snapshot = loaded;
            }
        }
        return loaded;
    }

    /// <summary>Rows from before keys were protected hold a plain PEM: protect them in place.</summary>
    private async Task ProtectPlainKeysAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var plain = await db.TokenSigningKeys.Where(k => k.ProtectedPrivateKey.StartsWith(PlainPemStart)).ToListAsync(cancellationToken);
        foreach (var key in plain)
        {
            key.ProtectedPrivateKey = secrets.Protect(ProtectionPurpose, key.ProtectedPrivateKey);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private RsaSecurityKey ToSecurityKey(TokenSigningKey row)
    {
        string pem;
        try
        {
            pem = row.ProtectedPrivateKey.StartsWith(PlainPemStart, StringComparison.Ordinal)
                ? row.ProtectedPrivateKey
                : secrets.Unprotect(ProtectionPurpose, row.ProtectedPrivateKey);
        }
        catch (CryptographicException unreadable)
        {
            throw new StartupException(
                $"Token signing key {row.Kid} cannot be decrypted: the Data Protection key ring is missing, or protected with a certificate other than Raytio:DataProtection:CertificatePath.",
                unreadable);
        }
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = row.Kid };
    }
}
