using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
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
/// minutes, so the losing call did not spend anything needed). A refused refresh token, or
/// tokens this server can no longer decrypt, mark the connection revoked: 409 until an
/// administrator connects again.
/// </summary>
public sealed class XeroConnectionTokens(
    RaytioDbContext db, IXeroIdentity identity, SecretProtector protector, AuditTrail audit, IOptions<XeroOptions> options, TimeProvider time)
{
    public const string AccessPurpose = "xero-access-token";
    public const string RefreshPurpose = "xero-refresh-token";
    public const string RevokedCode = "xero_connection_revoked";

    /// <summary>Why a connection was marked revoked, as the audit trail names it.</summary>
    public const string RefreshRefused = "refresh_token_refused", AccessRefused = "fresh_access_token_refused", TokensUnreadable = "tokens_unreadable";

    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Refreshing = new();

    /// <summary>
    /// A usable access to the organisation's tenant, with the revision it was read at.
    /// <paramref name="refused"/> is an access token Xero just refused: unless the stored one has
    /// changed since, it is refreshed now. <paramref name="caller"/> is audited when the
    /// connection has to be marked revoked.
    /// </summary>
    public async Task<XeroConnectionAccess> AccessAsync(Guid caller, Guid organization, string? refused, CancellationToken cancellationToken)
    {
        // A second pass only when another writer changed the connection while this one found its tokens unreadable.
        for (var pass = 1; ; pass++)
        {
            try
            {
                return await ReadOrRefreshAsync(caller, organization, refused, cancellationToken);
            }
            catch (UnreadableTokensException unreadable)
            {
                // The data-protection key that protected them is lost or rotated out: they can never be read again.
                if (await MarkRevokedAsync(caller, organization, unreadable.Revision, TokensUnreadable) == 1 || pass == 2)
                {
                    throw Unreadable();
                }
            }
        }
    }

    public static ApiException NotConnected() => ApiException.Conflict("xero_not_connected",
        "The organisation has not connected its Xero ledger: an administrator must connect it first (GET /xero/v1/connect?org_id=...).");

    public static ApiException Revoked() => ApiException.Conflict(RevokedCode,
        "Xero no longer accepts the organisation's connection (it was disconnected, revoked or unused for too long): an administrator must connect again (GET /xero/v1/connect?org_id=...).");

    public static ApiException Unreadable() => ApiException.Conflict(RevokedCode,
        "The organisation's Xero connection can no longer be read (the server's data-protection keys changed): an administrator must connect again (GET /xero/v1/connect?org_id=...).");

    /// <summary>
    /// Marks the connection revoked, and audits it, unless it changed since <paramref name="revision"/>
    /// (another replica refreshed it, an administrator connected again): then 0 rows change and the
    /// caller acts on the current state. Written even when the request has gone away.
    /// </summary>
    public async Task<int> MarkRevokedAsync(Guid caller, Guid organization, int revision, string reason)
    {
        var connections = db.XeroConnections;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var marked = await connections.Where(c => c.OrganizationId == organization && c.Revision == revision && c.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedAt, now), CancellationToken.None);
        if (marked == 1)
        {
            audit.Record(AuditEventTypes.XeroConnect, caller, organization,
                new JsonObject { ["outcome"] = "revoked", ["reason"] = reason, ["provider"] = identity.Name, ["revision"] = revision });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return marked;
    }

    private async Task<XeroConnectionAccess> ReadOrRefreshAsync(Guid caller, Guid organization, string? refused, CancellationToken cancellationToken)
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
            return Usable(stored, refused) ?? await RefreshAsync(caller, stored, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<XeroConnection> ReadAsync(Guid organization, CancellationToken cancellationToken)
    {
        var connections = db.XeroConnections;
        var stored = await connections.AsNoTracking().FirstOrDefaultAsync(c => c.OrganizationId == organization, cancellationToken) ?? throw NotConnected();
        return stored.RevokedAt is null ? stored : throw Revoked();
    }

    /// <summary>The stored access when it is not about to expire and is not the one just refused.</summary>
    private XeroConnectionAccess? Usable(XeroConnection stored, string? refused)
    {
        var access = Current(stored);
        var fresh = stored.AccessTokenExpiresAt - time.GetUtcNow().UtcDateTime > options.Value.RefreshMargin;
        return fresh && access.Access.AccessToken != refused ? access : null;
    }

    private XeroConnectionAccess Current(XeroConnection stored) =>
        new(new XeroAccess(Unprotect(stored, AccessPurpose, stored.AccessToken), stored.TenantId.ToString()), stored.Revision);

    private async Task<XeroConnectionAccess> RefreshAsync(Guid caller, XeroConnection stored, CancellationToken cancellationToken)
    {
        var connections = db.XeroConnections;
        XeroTokenSet tokens;
        try
        {
            tokens = await identity.RefreshAsync(Unprotect(stored, RefreshPurpose, stored.RefreshToken), cancellationToken);
        }
        catch (XeroGrantRejectedException)
        {
            // Unless another replica refreshed or an administrator connected again meanwhile: then that pair is the one to use.
            return await MarkRevokedAsync(caller, stored.OrganizationId, stored.Revision, RefreshRefused) == 1
                ? throw Revoked()
                : Current(await ReadAsync(stored.OrganizationId, CancellationToken.None));
        }
        var at = time.GetUtcNow().UtcDateTime;
        var (access, refresh, expires) = (protector.Protect(AccessPurpose, tokens.AccessToken), protector.Protect(RefreshPurpose, tokens.RefreshToken), at.AddSeconds(tokens.ExpiresIn));
        // Xero has spent the stored refresh token: the new pair is stored even when the request has gone away.
        var written = await connections.Where(c => c.OrganizationId == stored.OrganizationId && c.Revision == stored.Revision)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.AccessToken, access).SetProperty(c => c.RefreshToken, refresh).SetProperty(c => c.AccessTokenExpiresAt, expires)
                .SetProperty(c => c.RefreshedAt, at).SetProperty(c => c.Revision, stored.Revision + 1), CancellationToken.None);
        if (written == 0)
        {
            // Another replica refreshed (or an administrator reconnected) first: its pair is the stored one.
            return Current(await ReadAsync(stored.OrganizationId, cancellationToken));
        }
        return new XeroConnectionAccess(new XeroAccess(tokens.AccessToken, stored.TenantId.ToString()), stored.Revision + 1);
    }

    private string Unprotect(XeroConnection stored, string purpose, string value)
    {
        try
        {
            return protector.Unprotect(purpose, value);
        }
        catch (CryptographicException unreadable)
        {
            throw new UnreadableTokensException(stored.Revision, unreadable);
        }
    }

    /// <summary>The stored tokens of the connection at <see cref="Revision"/> do not decrypt with this server's key ring.</summary>
    private sealed class UnreadableTokensException(int revision, Exception inner) : Exception("The stored Xero tokens do not decrypt.", inner)
    {
        public int Revision { get; } = revision;
    }
}

/// <summary>An access to the organisation's tenant and the connection's revision it came from (the guard for marking it revoked).</summary>
public sealed record XeroConnectionAccess(XeroAccess Access, int Revision);
