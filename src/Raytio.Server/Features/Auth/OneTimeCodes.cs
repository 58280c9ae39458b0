using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Auth;

/// <summary>Emailed six-digit codes: one live code per user and purpose, stored hashed, valid 24 h.</summary>
public sealed class OneTimeCodes(RaytioDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

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
        existing.CodeHash = Hash(userId, purpose, code);
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
        var presented = Encoding.ASCII.GetBytes(Hash(userId, purpose, code.Trim()));
        if (!CryptographicOperations.FixedTimeEquals(presented, Encoding.ASCII.GetBytes(existing.CodeHash)))
        {
            return false;
        }
        db.OneTimeCodes.Remove(existing);
        return true;
    }

    private static string Hash(Guid userId, CodePurpose purpose, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{purpose}:{code}")));
}
