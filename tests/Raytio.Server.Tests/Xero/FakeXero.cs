using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Raytio.Server.Tests.Xero;

/// <summary>
/// A small Xero in process (the Live adapters' primary handler): the identity service's token
/// endpoint (authorization_code with the PKCE verifier checked against the challenge the consent
/// page was given, refresh_token with rotation: a spent refresh token is refused as
/// invalid_grant), `/connections`, and the Accounting API's reports, which need a live access
/// token and the right `xero-tenant-id`. <see cref="Consent"/> plays the consent page.
/// </summary>
public sealed class FakeXero : HttpMessageHandler
{
    public const string ClientId = "fake-client-id";
    public const string ClientSecret = "fake-client-secret";

    private readonly ConcurrentDictionary<string, (string Challenge, string RedirectUri)> _codes = new();
    private readonly ConcurrentDictionary<string, bool> _liveAccess = new();
    private readonly ConcurrentDictionary<string, bool> _liveRefresh = new();
    private Func<Task>? _beforeNextRefresh;
    private int _issued;

    public List<(string TenantType, string Name, Guid TenantId, DateTime Updated)> Tenants { get; } = [];

    public ConcurrentQueue<HttpRequestMessage> Reports { get; } = new();

    public ConcurrentQueue<Dictionary<string, string>> TokenCalls { get; } = new();

    /// <summary>The status the reports answer with instead of a report (e.g. 503), while set.</summary>
    public HttpStatusCode? ReportsFail { get; set; }

    /// <summary>Set to make the token endpoint answer this status.</summary>
    public HttpStatusCode? TokenFails { get; set; }

    /// <summary>Runs as each report request arrives, before its token is checked (a test's write racing the call).</summary>
    public Func<Task>? BeforeReport { get; set; }

    /// <summary>Runs once, as the next refresh request arrives, before it is answered (a test's write racing the refresh).</summary>
    public Func<Task>? BeforeNextRefresh { get => _beforeNextRefresh; set => _beforeNextRefresh = value; }

    /// <summary>How long a refresh takes, so racing refreshes overlap.</summary>
    public TimeSpan RefreshDelay { get; set; }

    public int Refreshes => TokenCalls.Count(c => c["grant_type"] == "refresh_token");

    /// <summary>What the consent page does when the user agrees: a code bound to the challenge and redirect URI, sent back with the state.</summary>
    public Uri Consent(Uri authorize)
    {
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(("code", ClientId, "S256"), (query["response_type"].ToString(), query["client_id"].ToString(), query["code_challenge_method"].ToString()));
        Assert.Contains("offline_access", query["scope"].ToString().Split(' '));
        Assert.Contains("accounting.reports.read", query["scope"].ToString().Split(' '));
        var code = "code-" + Guid.NewGuid().ToString("N");
        _codes[code] = (query["code_challenge"]!, query["redirect_uri"]!);
        return new Uri(QueryHelpers.AddQueryString(query["redirect_uri"]!, new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"] }));
    }

    /// <summary>Xero forgetting every token (the user disconnected the app): access and refresh tokens are refused from now on.</summary>
    public void RevokeEverything()
    {
        _liveAccess.Clear();
        _liveRefresh.Clear();
    }

    /// <summary>The current access tokens stop working (as when they expire); refresh tokens still do.</summary>
    public void ExpireAccessTokens() => _liveAccess.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Post && path == "/connect/token")
        {
            return await TokenAsync(request, cancellationToken);
        }
        if (request.Method == HttpMethod.Get && path.Equals("/connections", StringComparison.OrdinalIgnoreCase))
        {
            return !Authorized(request) ? Status(HttpStatusCode.Unauthorized) : Json(HttpStatusCode.OK, Tenants.Select(t => new
            {
                id = Guid.NewGuid(),
                tenantId = t.TenantId,
                tenantType = t.TenantType,
                tenantName = t.Name,
                createdDateUtc = t.Updated.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture),
                updatedDateUtc = t.Updated.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture),
            }));
        }
        if (request.Method == HttpMethod.Get && path.StartsWith("/api.xro/2.0/Reports/", StringComparison.Ordinal))
        {
            Reports.Enqueue(request);
            if (BeforeReport is { } racing)
            {
                await racing();
            }
            if (!Authorized(request))
            {
                return Status(HttpStatusCode.Unauthorized);
            }
            var tenant = request.Headers.TryGetValues("xero-tenant-id", out var values) ? values.Single() : null;
            if (!Tenants.Any(t => t.TenantId.ToString() == tenant))
            {
                return Status(HttpStatusCode.Forbidden);
            }
            return ReportsFail is { } failing ? Json(failing, new { Detail = "FAKE-XERO-INTERNAL" }) : Json(HttpStatusCode.OK, ReportBody(path["/api.xro/2.0/Reports/".Length..]));
        }
        return Status(HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> TokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken)).ToDictionary(p => p.Key, p => p.Value.ToString());
        TokenCalls.Enqueue(form);
        if (TokenFails is { } failing)
        {
            return Status(failing);
        }
        var basic = request.Headers.Authorization;
        if (basic?.Scheme != "Basic" || Encoding.UTF8.GetString(Convert.FromBase64String(basic.Parameter!)) != $"{ClientId}:{ClientSecret}")
        {
            return Json(HttpStatusCode.Unauthorized, new { error = "invalid_client" });
        }
        switch (form.GetValueOrDefault("grant_type"))
        {
            case "authorization_code":
                var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(form.GetValueOrDefault("code_verifier") ?? "")));
                return _codes.TryRemove(form.GetValueOrDefault("code") ?? "", out var issued) && issued.Challenge == challenge && issued.RedirectUri == form.GetValueOrDefault("redirect_uri")
                    ? Issue()
                    : InvalidGrant();
            case "refresh_token":
                await Task.Delay(RefreshDelay, cancellationToken);
                if (Interlocked.Exchange(ref _beforeNextRefresh, null) is { } racingRefresh)
                {
                    await racingRefresh();
                }
                return _liveRefresh.TryRemove(form.GetValueOrDefault("refresh_token") ?? "", out _) ? Issue() : InvalidGrant();
            default:
                return Json(HttpStatusCode.BadRequest, new { error = "unsupported_grant_type" });
        }
    }

    /// <summary>A new live token pair, as another replica's refresh would have got.</summary>
    public (string Access, string Refresh) IssueTokens()
    {
        var n = Interlocked.Increment(ref _issued);
        var (access, refresh) = ($"access-{n}-{Guid.NewGuid():N}", $"refresh-{n}-{Guid.NewGuid():N}");
        _liveAccess[access] = true;
        _liveRefresh[refresh] = true;
        return (access, refresh);
    }

    private HttpResponseMessage Issue()
    {
        var (access, refresh) = IssueTokens();
        return Json(HttpStatusCode.OK, new { id_token = "not-used", access_token = access, expires_in = 1800, token_type = "Bearer", refresh_token = refresh, scope = "offline_access accounting.reports.read" });
    }

    private bool Authorized(HttpRequestMessage request) =>
        request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } token } && _liveAccess.ContainsKey(token);

    private static HttpResponseMessage InvalidGrant() => Json(HttpStatusCode.BadRequest, new { error = "invalid_grant" });

    private static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new StringContent("") };

    private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };

    /// <summary>A report as Xero's Accounting API answers one (envelope and a Header row, a Section with one account Row).</summary>
    public static object ReportBody(string name) => new
    {
        Id = Guid.NewGuid(),
        Status = "OK",
        ProviderName = "Raytio tests",
        DateTimeUTC = "/Date(1764000000000)/",
        Reports = new[]
        {
            new
            {
                ReportID = name, ReportName = name, ReportType = name, ReportTitles = new[] { name, "Live Ledger Ltd", "As at 26 November 2026" },
                ReportDate = "26 November 2026", UpdatedDateUTC = "/Date(1764000000000)/", Fields = Array.Empty<object>(),
                Rows = new object[]
                {
                    new { RowType = "Header", Cells = new[] { new { Value = "" }, new { Value = "26 Nov 2026" } } },
                    new { RowType = "Section", Title = "Bank", Rows = new[] { new { RowType = "Row", Cells = new[] { new { Value = "Cheque Account" }, new { Value = "1234.56" } } } } },
                },
            },
        },
    };
}
