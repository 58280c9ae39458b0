using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Xero.Live;

/// <summary>
/// Xero's identity service (xero-identity.yaml and Xero's OAuth 2.0 documentation): the consent
/// page on login.xero.com, the token endpoint (form-encoded, the app authenticated with HTTP
/// Basic; PKCE verifier with the code) and GET /connections with the access token. A 400
/// `invalid_grant` is a refused grant; any other failure is a <see cref="ProviderFailedException"/>.
/// </summary>
public sealed class XeroLiveIdentity(IHttpClientFactory clients, IOptions<XeroOptions> options) : IXeroIdentity
{
    public const string HttpClientName = "xero-identity";

    public string Name => "Xero identity service";

    private XeroLiveOptions Live => options.Value.Live;

    public Uri AuthorizeUrl(Uri redirectUri, string state, string codeChallenge) =>
        new(QueryHelpers.AddQueryString(Live.AuthorizeUrl.ToString(), new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = Live.ClientId,
            ["redirect_uri"] = redirectUri.ToString(),
            ["scope"] = Live.Scopes,
            ["state"] = state,
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = "S256",
        }));

    public Task<XeroTokenSet> ExchangeCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken) =>
        TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri.ToString(),
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    public Task<XeroTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    public async Task<IReadOnlyList<XeroTenant>> ConnectionsAsync(string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Live.ConnectionsUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await ProviderHttp.SendAsync(clients.CreateClient(HttpClientName), request, Name, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw ProviderHttp.Unexpected(Name, response.StatusCode);
        }
        var tenants = new List<XeroTenant>();
        if (await ReadAsync(response, cancellationToken) is not JsonArray connections)
        {
            throw Unreadable();
        }
        foreach (var connection in connections)
        {
            if (connection is not JsonObject c || !Guid.TryParse(Text(c, "id"), out var id) || !Guid.TryParse(Text(c, "tenantId"), out var tenant))
            {
                throw Unreadable();
            }
            DateTime? updated = DateTime.TryParse(Text(c, "updatedDateUtc"), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
            tenants.Add(new XeroTenant(id, tenant, Text(c, "tenantType") ?? "", Text(c, "tenantName") ?? "", updated));
        }
        return tenants;
    }

    private async Task<XeroTokenSet> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Live.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Live.ClientId}:{Live.ClientSecret}")));
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await ProviderHttp.SendAsync(clients.CreateClient(HttpClientName), request, Name, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var error = await ReadAsync(response, cancellationToken) is JsonObject refused ? Text(refused, "error") : null;
            throw error == "invalid_grant" ? new XeroGrantRejectedException("Xero refused the grant (invalid_grant).") : ProviderHttp.Unexpected(Name, response.StatusCode);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw ProviderHttp.Unexpected(Name, response.StatusCode);
        }
        var body = await ReadAsync(response, cancellationToken) as JsonObject;
        var (access, refresh) = (body is null ? null : Text(body, "access_token"), body is null ? null : Text(body, "refresh_token"));
        var expiresIn = body?["expires_in"] is JsonValue lifetime && lifetime.TryGetValue<int>(out var seconds) ? seconds : 0;
        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh) || expiresIn <= 0)
        {
            throw Unreadable();
        }
        return new XeroTokenSet(access, refresh, expiresIn);
    }

    private async Task<JsonNode?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (JsonException malformed)
        {
            throw Unreadable(malformed);
        }
    }

    private static string? Text(JsonObject body, string name) => body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private ProviderFailedException Unreadable(Exception? inner = null) => new(Name, "answered with a body that is not Xero's", inner);
}
