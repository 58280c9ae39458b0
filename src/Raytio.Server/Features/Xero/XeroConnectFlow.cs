using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Features.OutsideChecks;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Xero;

namespace Raytio.Server.Features.Xero;

/// <summary>
/// The two additions that connect an organisation's Xero ledger (OAuth 2.0 authorization code
/// with PKCE S256): connect records a state (random 256 bits, kept hashed, bound to the
/// organisation and the administrator, single use, 10 minutes) and the protected code
/// verifier, and sends the administrator to the consent page; the callback spends the state,
/// exchanges the code with the verifier, reads `/connections`, picks the tenant
/// (<see cref="XeroTenantChoice"/>) and stores the tokens protected, replacing any earlier connection.
/// </summary>
public sealed class XeroConnectFlow(
    RaytioDbContext db, OrganizationAccess access, IXeroIdentity identity, SecretProtector protector, AuditTrail audit,
    IOptions<XeroOptions> options, TimeProvider time)
{
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private const string VerifierPurpose = "xero-code-verifier";

    /// <summary>Saves of one connection: a refresh of the connection it replaces may be stored meanwhile, each time taking another.</summary>
    private const int MaxStoreTries = 3;

    public async Task<Uri> ConnectAsync(Guid caller, string? orgId, HttpRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(orgId))
        {
            throw ApiException.Invalid(XeroReportOperations.OrgIdQuery, "'org_id' names the organisation whose Xero ledger to connect.");
        }
        var organization = (await access.ReadAsync(caller, orgId, cancellationToken)).RequireAdmin().Organization.Id;
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(48));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var redirect = options.Value.RedirectUri ?? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/xero/{VersionedRoutes.SupportedVersion}/callback");
        var now = time.GetUtcNow().UtcDateTime;
        db.XeroAuthorizations.Add(new XeroAuthorization
        {
            StateHash = SecretHashes.OfRandom(state),
            OrganizationId = organization,
            UserId = caller,
            CodeVerifier = protector.Protect(VerifierPurpose, verifier),
            RedirectUri = redirect.ToString(),
            CreatedAt = now,
            ExpiresAt = now + StateLifetime,
        });
        audit.Record(AuditEventTypes.XeroConnect, caller, organization, new JsonObject { ["outcome"] = "started", ["provider"] = identity.Name });
        await db.SaveChangesAsync(cancellationToken);
        return identity.AuthorizeUrl(redirect, state, challenge);
    }

    public async Task<XeroConnectionAnswer> CallbackAsync(string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state))
        {
            throw ApiException.Invalid("state", "'state' is the value GET /xero/v1/connect sent to Xero.");
        }
        var started = await SpendAsync(state, cancellationToken);
        var organization = started.OrganizationId.ToString();
        if (error is not null)
        {
            await RecordAsync(started, "refused", new JsonObject { ["error"] = error[..Math.Min(error.Length, 100)] }, cancellationToken);
            throw ApiException.BadRequest("xero_consent_refused", "The connection to Xero was not authorised (Xero answered 'error'); an administrator may start again.");
        }
        if (string.IsNullOrEmpty(code))
        {
            throw ApiException.Invalid("code", "'code' is the authorization code Xero sends back.");
        }
        // The administrator may have lost the role (or left) since starting: the connection is theirs to make only while they hold it.
        (await access.ReadAsync(started.UserId, organization, cancellationToken)).RequireAdmin();
        var redirect = new Uri(started.RedirectUri);
        var verifier = Verifier(started);
        XeroTokenSet tokens;
        IReadOnlyList<XeroTenant> tenants;
        try
        {
            tokens = await identity.ExchangeCodeAsync(code, verifier, redirect, cancellationToken);
            tenants = await identity.ConnectionsAsync(tokens.AccessToken, cancellationToken);
        }
        catch (XeroGrantRejectedException)
        {
            await RecordAsync(started, "code_rejected", [], cancellationToken);
            throw ApiException.Invalid("code", "Xero did not accept the authorization code (used already, expired, or not issued for this connection); start again.");
        }
        catch (ProviderFailedException failure)
        {
            await RecordAsync(started, OutsideCheckRunner.ProviderFailed, new JsonObject { ["reason"] = failure.Reason }, CancellationToken.None);
            throw OutsideCheckRunner.ProviderFailure(failure, "Nothing was connected");
        }
        var tenant = XeroTenantChoice.Pick(tenants);
        if (tenant is null)
        {
            await RecordAsync(started, "no_organisation", [], cancellationToken);
            throw ApiException.Conflict("xero_no_organisation", "The Xero user connected no organisation (only practices, or none): connect again and choose an organisation.");
        }
        var connection = await StoreAsync(started, tenant, tokens, cancellationToken);
        return new XeroConnectionAnswer(started.OrganizationId, tenant.TenantId, tenant.TenantName, connection.ConnectedAt, connection.AccessTokenExpiresAt);
    }

    /// <summary>The started connection the state names, deleted so no second callback can use it; 400 when unknown, spent or expired.</summary>
    private async Task<XeroAuthorization> SpendAsync(string state, CancellationToken cancellationToken)
    {
        var hash = SecretHashes.OfRandom(state);
        var pending = db.XeroAuthorizations;
        var started = await pending.AsNoTracking().FirstOrDefaultAsync(a => a.StateHash == hash, cancellationToken);
        var spent = started is not null && await pending.Where(a => a.StateHash == hash).ExecuteDeleteAsync(cancellationToken) == 1;
        return spent && started!.ExpiresAt > time.GetUtcNow().UtcDateTime
            ? started
            : throw ApiException.Invalid("state", "The state is unknown, already used or expired (a connection must be completed within 10 minutes of starting it); start again.");
    }

    /// <summary>
    /// Stores the connection, replacing the organisation's earlier one. It is written only over the
    /// revision it read: when a refresh of the earlier connection (by another request or replica)
    /// was stored meanwhile, the new connection replaces that pair over its revision; when another
    /// callback stored a connection meanwhile, that one is kept (409).
    /// </summary>
    private async Task<XeroConnection> StoreAsync(XeroAuthorization started, XeroTenant tenant, XeroTokenSet tokens, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var connections = db.XeroConnections;
        var connection = await connections.FirstOrDefaultAsync(c => c.OrganizationId == started.OrganizationId, cancellationToken);
        var replaced = connection?.ConnectedAt;
        var (accessToken, refreshToken) = (protector.Protect(XeroConnectionTokens.AccessPurpose, tokens.AccessToken), protector.Protect(XeroConnectionTokens.RefreshPurpose, tokens.RefreshToken));
        if (connection is null)
        {
            connection = new XeroConnection { OrganizationId = started.OrganizationId, TenantName = tenant.TenantName, AccessToken = accessToken, RefreshToken = refreshToken };
            db.XeroConnections.Add(connection);
        }
        else
        {
            // Every column is written, so a revocation marked since the read is cleared too.
            db.Entry(connection).State = EntityState.Modified;
        }
        connection.TenantId = tenant.TenantId;
        connection.TenantName = tenant.TenantName;
        connection.ConnectionId = tenant.ConnectionId;
        connection.AccessToken = accessToken;
        connection.RefreshToken = refreshToken;
        connection.AccessTokenExpiresAt = now.AddSeconds(tokens.ExpiresIn);
        connection.Revision++;
        connection.ConnectedBy = started.UserId;
        connection.ConnectedAt = now;
        connection.RefreshedAt = now;
        connection.RevokedAt = null;
        audit.Record(AuditEventTypes.XeroConnect, started.UserId, started.OrganizationId,
            new JsonObject { ["outcome"] = "connected", ["provider"] = identity.Name, ["tenant_id"] = tenant.TenantId.ToString(), ["connection_id"] = tenant.ConnectionId.ToString() });
        for (var tries = 1; ; tries++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return connection;
            }
            catch (DbUpdateConcurrencyException raced) when (tries < MaxStoreTries && replaced is not null)
            {
                // Re-read: a refresh of the connection being replaced leaves it connected when it was; another callback's connection does not.
                var entry = raced.Entries.Single(e => e.Entity is XeroConnection);
                var current = await entry.GetDatabaseValuesAsync(cancellationToken);
                if (current?.GetValue<DateTime>(nameof(XeroConnection.ConnectedAt)) != replaced)
                {
                    throw Raced();
                }
                var revision = current.GetValue<int>(nameof(XeroConnection.Revision));
                entry.Property(nameof(XeroConnection.Revision)).OriginalValue = revision;
                connection.Revision = revision + 1;
            }
            catch (DbUpdateException raced) when (raced.IsUniqueViolation() || raced is DbUpdateConcurrencyException)
            {
                throw Raced();
            }
        }
    }

    private static ApiException Raced() =>
        ApiException.Conflict("xero_connect_raced", "Another connection of this organisation to Xero was completed at the same moment; it is the one kept.");

    /// <summary>The PKCE verifier; a state whose verifier no longer decrypts (the server's data-protection keys changed) is spent: start again.</summary>
    private string Verifier(XeroAuthorization started)
    {
        try
        {
            return protector.Unprotect(VerifierPurpose, started.CodeVerifier);
        }
        catch (CryptographicException)
        {
            throw ApiException.Invalid("state", "The connection started can no longer be read (the server's keys changed since); start again.");
        }
    }

    private async Task RecordAsync(XeroAuthorization started, string outcome, JsonObject details, CancellationToken cancellationToken)
    {
        details["outcome"] = outcome;
        details["provider"] = identity.Name;
        audit.Record(AuditEventTypes.XeroConnect, started.UserId, started.OrganizationId, details);
        await db.SaveChangesAsync(cancellationToken);
    }

}

/// <summary>The callback's answer: which Xero organisation the Raytio organisation is now connected to.</summary>
public sealed record XeroConnectionAnswer(Guid OrgId, Guid TenantId, string TenantName, DateTime ConnectedAt, DateTime AccessTokenExpiresAt);
