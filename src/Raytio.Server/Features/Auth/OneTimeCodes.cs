using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Secrets;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Emailed six-digit codes: one live code per user and purpose, valid 24 h, stored as an
/// HMAC-SHA256 under a server secret. A plain hash of a six-digit code falls to a million guesses;
/// the keyed one needs the secret too, which the database holds only protected by Data Protection.
/// </summary>
public sealed class OneTimeCodes(RaytioDbContext db, TimeProvider time, ServerSecrets secrets)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const string SecretName = "one-time-codes";

    /// <summary>Replaces any earlier code for the purpose; saved with the caller's changes.</summary>
    public async Task<string> IssueAsync(Guid userId, CodePurpose purpose, CancellationToken cancellationToken)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var now = time.GetUtcNow().UtcDateTime;
        var existing = await db.OneTimeCodes.FirstOrDefaultAsync(c => c.UserId == userId && c.Purpose == purpose, cancellationToken);
        if (existing is null)
        {
            db.OneTimeCodes.Add(existing = new OneTimeCode { Id = Guid.NewGuid(), UserId = userId, Purpose = purpose, CodeHash = "" });
        }
        existing.CodeHash = await HashAsync(userId, purpose, code, cancellationToken);
        existing.CreatedAt = now;
        existing.ExpiresAt = now + Lifetime;
        return code;
    }

    /// <summary>True and the code consumed when it matches and has not expired.</summary>
    public async Task<bool> ConsumeAsync(Guid userId, CodePurpose purpose, string code, CancellationToken cancellationToken)
    {
        var existing = await db.OneTimeCodes.FirstOrDefaultAsync(c => c.UserId == userId && c.Purpose == purpose, cancellationToken);
        if (existing is null || existing.ExpiresAt <= time.GetUtcNow().UtcDateTime)
        {
            return false;
        }
        if (!SecretHashes.Same(await HashAsync(userId, purpose, code.Trim(), cancellationToken), existing.CodeHash))
        {
            return false;
        }
        db.OneTimeCodes.Remove(existing);
        return true;
    }

    private Task<string> HashAsync(Guid userId, CodePurpose purpose, string code, CancellationToken cancellationToken) =>
        secrets.HashAsync(SecretName, $"{userId:N}:{purpose}:{code}", cancellationToken);
}
