using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Raytio.Server.Features.Secrets;

namespace Raytio.Server.Providers.Xero.Sandbox;

/// <summary>
/// The Sandbox's identity service, in process (docs/XERO.md, "Connecting in the Sandbox"): its
/// consent is given at once, so the consent page is the redirect URI itself with a code and the
/// state. The code carries the PKCE challenge and our redirect URI, protected, and expires in
/// 10 minutes; the exchange checks the verifier against the challenge as Xero does. Tokens are
/// random; refresh tokens are protected values only this server reads, and each refresh gives a
/// new pair. `/connections` names the one demo tenant.
/// </summary>
public sealed class XeroSandboxIdentity(SecretProtector protector, TimeProvider time) : IXeroIdentity
{
    private const string CodePurpose = "xero-sandbox-code";
    private const string RefreshPurpose = "xero-sandbox-refresh";
    private const string AccessPrefix = "sandbox-access-";
    private const int ExpiresIn = 1800;

    /// <summary>The demo company's tenant id, fixed so a stored connection keeps naming it.</summary>
    public static readonly Guid DemoTenantId = new(SHA256.HashData("raytio-xero-demo-tenant"u8).AsSpan(0, 16));

    public string Name => "Xero (sandbox)";

    public Uri AuthorizeUrl(Uri redirectUri, string state, string codeChallenge)
    {
        var grant = new SandboxCode(codeChallenge, redirectUri.ToString(), time.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds());
        var code = protector.Protect(CodePurpose, JsonSerializer.Serialize(grant));
        return new Uri(QueryHelpers.AddQueryString(redirectUri.ToString(), new Dictionary<string, string?> { ["code"] = code, ["state"] = state }));
    }

    public Task<XeroTokenSet> ExchangeCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken)
    {
        var grant = Read<SandboxCode>(CodePurpose, code) ?? throw new XeroGrantRejectedException("The code is not one the sandbox issued.");
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)));
        if (grant.ExpiresAt < time.GetUtcNow().ToUnixTimeSeconds() || grant.RedirectUri != redirectUri.ToString()
            || !SecretHashes.Same(challenge, grant.Challenge))
        {
            throw new XeroGrantRejectedException("The code has expired, or the redirect URI or code verifier does not match.");
        }
        return Task.FromResult(NewTokens());
    }

    public Task<XeroTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        Read<string>(RefreshPurpose, refreshToken) is null
            ? throw new XeroGrantRejectedException("The refresh token is not one the sandbox issued.")
            : Task.FromResult(NewTokens());

    public Task<IReadOnlyList<XeroTenant>> ConnectionsAsync(string accessToken, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<XeroTenant>>(accessToken.StartsWith(AccessPrefix, StringComparison.Ordinal)
            ? [new XeroTenant(DemoTenantId, DemoTenantId, XeroTenant.Organisation, DemoChart.OrganisationName, null)]
            : []);

    private XeroTokenSet NewTokens() => new(
        AccessPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24)),
        protector.Protect(RefreshPurpose, JsonSerializer.Serialize(WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16)))),
        ExpiresIn);

    private T? Read<T>(string purpose, string value)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(protector.Unprotect(purpose, value));
        }
        catch (CryptographicException)
        {
            return default;
        }
    }

    private sealed record SandboxCode(string Challenge, string RedirectUri, long ExpiresAt);
}
