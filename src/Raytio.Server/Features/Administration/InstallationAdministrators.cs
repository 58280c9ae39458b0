using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;

namespace Raytio.Server.Features.Administration;

/// <summary>
/// Who administers the installation. There is no API to become one: the operator of the server
/// names administrators with the `admins add EMAIL` command, so no token can grant itself the role.
/// </summary>
public sealed class InstallationAdministrators(RaytioDbContext db, TimeProvider time)
{
    public sealed record Listed(string Email, Guid UserId, DateTime Since);

    public Task<bool> IsAdministratorAsync(Guid userId, CancellationToken cancellationToken) =>
        db.InstallationAdministrators.AnyAsync(a => a.UserId == userId, cancellationToken);

    /// <summary>False when the user already was an administrator.</summary>
    public async Task<bool> AddAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (await IsAdministratorAsync(userId, cancellationToken))
        {
            return false;
        }
        db.InstallationAdministrators.Add(new InstallationAdministrator { UserId = userId, CreatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException race) when (race.IsUniqueViolation())
        {
            return false;
        }
    }

    /// <summary>False when the user was not an administrator.</summary>
    public async Task<bool> RemoveAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.InstallationAdministrators.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<IReadOnlyList<Listed>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.InstallationAdministrators
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.Email, u.Id, a.CreatedAt })
            .OrderBy(a => a.Email)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row => new Listed(row.Email, row.Id, row.CreatedAt))];
    }
}
