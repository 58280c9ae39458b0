using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>
/// The client_credentials side of an application (operation 1): checking a key and secret, and
/// whether a token issued to the application still stands (not deleted, secret not rotated).
/// </summary>
public sealed class ApplicationCredentials(RaytioDbContext db)
{
    /// <summary>The live application whose key and secret these are; null otherwise (unknown key, wrong secret, no secret, deleted).</summary>
    public async Task<AccessApplication?> VerifyAsync(string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        var application = await db.AccessApplications.AsNoTracking()
            .FirstOrDefaultAsync(a => a.ClientKey == clientId && a.DeletedAt == null, cancellationToken);
        // The hash is compared even for an unknown key, so both take the same time.
        var matches = ClientSecrets.Matches(clientSecret, application?.ClientSecretHash ?? new string('0', 64));
        return matches && application?.ClientSecretHash is not null ? application : null;
    }

    /// <summary>Whether a token carrying <paramref name="stamp"/> was issued for the application's current secret.</summary>
    public async Task<bool> IsTokenCurrentAsync(Guid applicationId, string stamp, CancellationToken cancellationToken)
    {
        var hash = await db.AccessApplications.AsNoTracking()
            .Where(a => a.Id == applicationId && a.DeletedAt == null)
            .Select(a => a.ClientSecretHash)
            .FirstOrDefaultAsync(cancellationToken);
        return hash is not null && ClientSecrets.StampOf(hash) == stamp;
    }
}
