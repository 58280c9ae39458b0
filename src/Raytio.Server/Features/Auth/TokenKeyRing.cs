using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// The RS256 keys that sign identity and access tokens. They live in the database so every
/// replica shares them; this class caches them briefly and reloads when an unknown kid shows up,
/// so a key created by another replica is found within seconds.
/// </summary>
public sealed class TokenKeyRing(IServiceScopeFactory scopes, TimeProvider time, IOptions<TokenOptions> options) : IStartupTask
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan UnknownKidReloadInterval = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private KeySnapshot snapshot = KeySnapshot.Empty;

    public sealed record RingKey(string Kid, RsaSecurityKey Key, DateTime CreatedAt, DateTime? RetiredAt);

    private sealed record KeySnapshot(IReadOnlyList<RingKey> Keys, DateTime LoadedAt)
    {
        public static readonly KeySnapshot Empty = new([], DateTime.MinValue);
    }

    Task IStartupTask.RunAsync(CancellationToken cancellationToken) => EnsureCurrentKeyAsync(cancellationToken);

    /// <summary>
    /// Deletes compromised keys (their tokens fail at once), then creates the first key, or a new
    /// one when the signing key is gone or older than the rotation period.
    /// </summary>
    public async Task EnsureCurrentKeyAsync(CancellationToken cancellationToken = default)
    {
        var keys = await LoadAsync(cancellationToken);
        var compromised = keys.Where(k => CompromisedTokenKeys.IsCompromised(k.Key, options.Value)).Select(k => k.Kid).ToList();
        if (compromised.Count > 0)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
                await db.TokenSigningKeys.Where(k => compromised.Contains(k.Kid)).ExecuteDeleteAsync(cancellationToken);
            }
            keys = await LoadAsync(cancellationToken);
        }
        var active = keys.FirstOrDefault(k => k.RetiredAt is null);
        if (active is null || time.GetUtcNow().UtcDateTime - active.CreatedAt >= options.Value.SigningKeyRotation)
        {
            await RotateAsync(cancellationToken);
        }
    }

    /// <summary>A new key signs from now on; older keys verify until their tokens have expired.</summary>
    public async Task<RingKey> RotateAsync(CancellationToken cancellationToken = default)
    {
        using var rsa = RSA.Create(2048);
        var securityKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true));
        var kid = Base64UrlEncoder.Encode(securityKey.ComputeJwkThumbprint());
        var now = time.GetUtcNow().UtcDateTime;

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
            await db.TokenSigningKeys.Where(k => k.RetiredAt == null).ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, now), cancellationToken);
            var expiredBefore = now - options.Value.IdentityTokenLifetime - options.Value.ClockSkew;
            await db.TokenSigningKeys.Where(k => k.RetiredAt != null && k.RetiredAt < expiredBefore).ExecuteDeleteAsync(cancellationToken);
            db.TokenSigningKeys.Add(new TokenSigningKey { Kid = kid, PrivateKeyPem = rsa.ExportPkcs8PrivateKeyPem(), CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        var keys = await LoadAsync(cancellationToken);
        return keys.First(k => k.Kid == kid);
    }

    public async Task<IReadOnlyList<RingKey>> ListAsync(CancellationToken cancellationToken = default) => await LoadAsync(cancellationToken);

    /// <summary>The key that signs new tokens: the newest one not retired.</summary>
    public async Task<RingKey> GetSigningKeyAsync(CancellationToken cancellationToken = default)
    {
        var keys = snapshot.Keys;
        if (IsStale(snapshot) || !keys.Any(k => k.RetiredAt is null))
        {
            keys = await LoadAsync(cancellationToken);
        }
        return keys.FirstOrDefault(k => k.RetiredAt is null)
            ?? throw new InvalidOperationException("No token signing key exists; the server creates one at start-up.");
    }

    /// <summary>Keys that may verify a token with this kid (used synchronously by JwtBearer).</summary>
    public IEnumerable<SecurityKey> Resolve(string? kid)
    {
        var current = snapshot;
        if (IsStale(current) || (kid is not null && current.Keys.All(k => k.Kid != kid) && time.GetUtcNow().UtcDateTime - current.LoadedAt > UnknownKidReloadInterval))
        {
            // JwtBearer's key resolver is synchronous; this load happens at most every few seconds.
            return LoadAsync(CancellationToken.None).GetAwaiter().GetResult().Where(k => k.Kid == kid).Select(k => k.Key);
        }
        return current.Keys.Where(k => k.Kid == kid).Select(k => k.Key);
    }

    /// <summary>All kept keys, reloaded when the cache is stale (for the JWK set).</summary>
    public async Task<IReadOnlyList<RingKey>> GetVerificationKeysAsync(CancellationToken cancellationToken = default) =>
        IsStale(snapshot) ? await LoadAsync(cancellationToken) : snapshot.Keys;

    private bool IsStale(KeySnapshot current) => time.GetUtcNow().UtcDateTime - current.LoadedAt > CacheLifetime;

    private async Task<IReadOnlyList<RingKey>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RaytioDbContext>();
        var rows = await db.TokenSigningKeys.AsNoTracking().ToListAsync(cancellationToken);
        var keys = rows
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new RingKey(r.Kid, ToSecurityKey(r), r.CreatedAt, r.RetiredAt))
            .ToList();
        lock (gate)
        {
            snapshot = new KeySnapshot(keys, time.GetUtcNow().UtcDateTime);
        }
        return keys;
    }

    private static RsaSecurityKey ToSecurityKey(TokenSigningKey row)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(row.PrivateKeyPem);
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = row.Kid };
    }
}
