using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Disabling an account (the `users disable` command): it cannot sign in or refresh, and its
/// tokens stop working (a new security stamp; other replicas notice within the stamp cache
/// lifetime). Enabling lets it sign in again; the ended sessions stay ended.
/// </summary>
public sealed class DisabledAccounts(RaytioDbContext db, RefreshTokenService refreshTokens, SecurityStampCache stamps, TimeProvider time)
{
    /// <summary>Refuses a sign-in of a disabled account (after the password was checked).</summary>
    public static void EnsureEnabled(User user)
    {
        if (user.DisabledAt is not null)
        {
            throw ApiException.Forbidden("user_disabled", $"User {user.Email} is disabled.");
        }
    }

    /// <summary>False when there is no such user.</summary>
    public async Task<bool> DisableAsync(string username, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == username, cancellationToken);
        if (user is null)
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.DisabledAt ??= now;
        user.SecurityStamp = Guid.NewGuid();
        user.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await refreshTokens.RevokeAllForUserAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        stamps.Remember(user);
        return true;
    }

    /// <summary>False when there is no such user.</summary>
    public async Task<bool> EnableAsync(string username, CancellationToken cancellationToken)
    {
        var updated = await db.Users.Where(u => u.Email == username)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisabledAt, (DateTime?)null).SetProperty(u => u.UpdatedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        return updated > 0;
    }
}
