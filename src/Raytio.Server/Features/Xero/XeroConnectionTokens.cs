using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Xero;

namespace Raytio.Server.Features.Xero;

/// <summary>
/// The access an organisation's connection gives, refreshed before it expires. Xero rotates the
/// refresh token on every refresh, so refreshes of one connection take turns in this process
/// (a lock per organisation: the second caller finds the first one's new pair and uses it), and
/// across replicas a refresh is stored only over the revision it started from: a replica that
/// lost that race uses the stored pair (Xero still accepts the previous refresh token for 30
/// minutes, so the losing call did not spend anything needed). A refused refresh token marks the
/// connection revoked: 409 until an administrator connects again.
/// </summary>
public sealed class XeroConnectionTokens(RaytioDbContext db, IXeroIdentity identity, SecretProtector protector, IOptions<XeroOptions> options, TimeProvider time)
{
    public const string AccessPurpose = "xero-access-token";
    public const string RefreshPurpose = "xero-refresh-token";
    public const string RevokedCode = "xero_connection_revoked";

    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Refreshing = new();

    /// <summary>
    /// A usable access to the organisation's tenant. <paramref name="refused"/> is an access token
    /// Xero just refused: unless the stored one has changed since, it is refreshed now.
    /// </summary>
    public async Task<XeroAccess> AccessAsync(Guid organization, string? refused, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(organization, cancellationToken);
        if (Usable(stored, refused) is { } access)
        {
            return access;
        }
        var gate = Refreshing.GetOrAdd(organization, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            stored = await ReadAsync(organization, cancellationToken);
            return Usable(stored, refused) ?? await RefreshAsync(stored, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public static ApiException NotConnected() => ApiException.Conflict("xero_not_connected",
        "The organisation has not connected its Xero ledger: an administrator must connect it first (GET /xero/v1/connect?org_id=...).");

    public static ApiException Revoked() => ApiException.Conflict(RevokedCode,
        "Xero no longer accepts the organisation's connection (it was disconnected, revoked or unused for too long): an administrator must connect again (GET /xero/v1/connect?org_id=...).");

    /// <summary>Marks the connection revoked (unless it changed since <paramref name="revision"/>, e.g. an administrator just connected again).</summary>
    public Task<int> MarkRevokedAsync(Guid organization, CancellationToken cancellationToken, int? revision = null)
    {
        var connections = db.XeroConnections;
        var now = time.GetUtcNow().UtcDateTime;
        return connections.Where(c => c.OrganizationId == organization && (revision == null || c.Revision == revision))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now), cancellationToken);
    }

    private async Task<XeroConnection> ReadAsync(Guid organization, CancellationToken cancellationToken)
    {
        var connections = db.XeroConnections;
        var stored = await connections.AsNoTracking().FirstOrDefaultAsync(c => c.OrganizationId == organization, cancellationToken) ?? throw NotConnected();
        return stored.RevokedAt is null ? stored : throw Revoked();
    }

    /// <summary>The stored access when it is not about to expire and is not the one just refused.</summary>
    private XeroAccess? Usable(XeroConnection stored, string? refused)
    {
        var access = protector.Unprotect(AccessPurpose, stored.AccessToken);
        var fresh = stored.AccessTokenExpiresAt - time.GetUtcNow().UtcDateTime > options.Value.RefreshMargin;
        return fresh && access != refused ? new XeroAccess(access, stored.TenantId.ToString()) : null;
    }

    private async Task<XeroAccess> RefreshAsync(XeroConnection stored, CancellationToken cancellationToken)
    {
        var connections = db.XeroConnections;
        XeroTokenSet tokens;
        try
        {
            tokens = await identity.RefreshAsync(protector.Unprotect(RefreshPurpose, stored.RefreshToken), cancellationToken);
        }
        catch (XeroGrantRejectedException)
        {
            await MarkRevokedAsync(stored.OrganizationId, cancellationToken, stored.Revision);
            throw Revoked();
        }
        var at = time.GetUtcNow().UtcDateTime;
        var (access, refresh, expires) = (protector.Protect(AccessPurpose, tokens.AccessToken), protector.Protect(RefreshPurpose, tokens.RefreshToken), at.AddSeconds(tokens.ExpiresIn));
        var written = await connections.Where(c => c.OrganizationId == stored.OrganizationId && c.Revision == stored.Revision)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.AccessToken, access).SetProperty(c => c.RefreshToken, refresh).SetProperty(c => c.AccessTokenExpiresAt, expires)
                .SetProperty(c => c.RefreshedAt, at).SetProperty(c => c.Revision, stored.Revision + 1), cancellationToken);
        if (written == 0)
        {
            // Another replica refreshed (or an administrator reconnected) first: its pair is the stored one.
            var current = await ReadAsync(stored.OrganizationId, cancellationToken);
            return new XeroAccess(protector.Unprotect(AccessPurpose, current.AccessToken), current.TenantId.ToString());
        }
        return new XeroAccess(tokens.AccessToken, stored.TenantId.ToString());
    }
}
