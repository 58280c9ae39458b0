namespace Raytio.Server.Providers.Xero;

/// <summary>
/// Xero's OAuth 2.0 identity service (the authorization code flow with PKCE): the consent page,
/// the token endpoint (code exchange and refresh) and `/connections` (the tenants a grant reaches).
/// </summary>
public interface IXeroIdentity
{
    string Name { get; }

    /// <summary>The consent page to send the administrator to (S256 code challenge, the state, our redirect URI and the scopes).</summary>
    Uri AuthorizeUrl(Uri redirectUri, string state, string codeChallenge);

    /// <summary>Exchanges an authorization code; <see cref="XeroGrantRejectedException"/> when the code or verifier is refused.</summary>
    Task<XeroTokenSet> ExchangeCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken);

    /// <summary>A new token pair for a refresh token (which is then spent); <see cref="XeroGrantRejectedException"/> when it is refused (revoked or expired).</summary>
    Task<XeroTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken);

    Task<IReadOnlyList<XeroTenant>> ConnectionsAsync(string accessToken, CancellationToken cancellationToken);
}

/// <summary>Xero's AccessToken answer: the access token lives <see cref="ExpiresIn"/> seconds; the refresh token replaces the previous one.</summary>
public sealed record XeroTokenSet(string AccessToken, string RefreshToken, int ExpiresIn);

/// <summary>One of Xero's `Connection`s: a tenant (organisation or practice) the grant reaches.</summary>
public sealed record XeroTenant(Guid ConnectionId, Guid TenantId, string TenantType, string TenantName, DateTime? UpdatedDateUtc)
{
    /// <summary>The <see cref="TenantType"/> of an organisation's ledger (the other is PRACTICE, which has no accounting reports).</summary>
    public const string Organisation = "ORGANISATION";
}

/// <summary>Xero's token endpoint refused the grant (`invalid_grant`): a code already used or a refresh token revoked or expired.</summary>
public sealed class XeroGrantRejectedException(string message) : Exception(message);

/// <summary>Xero refused a report call's access (401 or 403): after one refresh, the organisation must connect again.</summary>
public sealed class XeroConnectionRefusedException(int status) : Exception($"Xero answered {status} to the organisation's access token.")
{
    public int Status { get; } = status;
}
