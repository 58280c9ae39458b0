using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Opaque refresh tokens: 256 random bits, stored as SHA-256 hashes, rotated on every use.
/// Presenting a token that was already rotated is treated as theft: the whole family is revoked.
/// </summary>
public sealed class RefreshTokenService(RaytioDbContext db, TimeProvider time, IOptions<TokenOptions> options)
{
    public enum Outcome { Rotated, Unknown, Expired, Reused }

    /// <summary>The outcome; <see cref="User"/> and <see cref="NewToken"/> are set only when rotated.</summary>
    public sealed record Redemption(Outcome Outcome, User? User, string? NewToken);

    private sealed record Found(RefreshToken Token, User User);

    /// <summary>Compiled once: the grant's lookup skips EF's per-call query parameterization and cache lookup.</summary>
    private static readonly Func<RaytioDbContext, string, CancellationToken, Task<Found?>> TokenWithUser = EF.CompileAsyncQuery(
        (RaytioDbContext db, string hash, CancellationToken ct) => db.Set<RefreshToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Set<User>(), t => t.UserId, u => u.Id, (t, u) => new Found(t, u))
            .FirstOrDefault());

    /// <summary>Starts a new family (a fresh login); the row is saved with the caller's changes.</summary>
    public string StartFamily(Guid userId) => Add(userId, Guid.NewGuid());

    public async Task<Redemption> RedeemAsync(string presented, CancellationToken cancellationToken)
    {
        // One connection for the lookup, the claim and the insert: on SQLite every open and close
        // of EF Core's connection also registers and removes its SQL functions.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await RedeemOnOpenConnectionAsync(presented, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Redemption> RedeemOnOpenConnectionAsync(string presented, CancellationToken cancellationToken)
    {
        var found = await TokenWithUser(db, Hash(presented), cancellationToken);
        // A disabled account's tokens were revoked when it was disabled; the check also covers a
        // refresh that raced with the disabling.
        if (found is null || found.Token.RevokedAt is not null || found.User.DisabledAt is not null)
        {
            return new Redemption(Outcome.Unknown, null, null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (found.Token.ExpiresAt <= now)
        {
            return new Redemption(Outcome.Expired, null, null);
        }

        // Conditional update: of two concurrent uses only one can flip UsedAt.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == found.Token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await RevokeFamilyAsync(found.Token.FamilyId, cancellationToken);
            return new Redemption(Outcome.Reused, null, null);
        }

        var next = Add(found.User.Id, found.Token.FamilyId);
        await db.SaveChangesAsync(cancellationToken);
        return new Redemption(Outcome.Rotated, found.User, next);
    }

    public Task<int> RevokeAllForUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    private string Add(Guid userId, Guid familyId)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
        });
        return token;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
