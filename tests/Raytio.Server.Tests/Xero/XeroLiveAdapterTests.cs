using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Xero;
using Raytio.Server.Providers.Xero.Live;
using Raytio.Server.Tests.OutsideChecks;

namespace Raytio.Server.Tests.Xero;

/// <summary>The Live adapters against a scripted fake: the report request, Xero's refusals, the token endpoint's answers, and resilience (timeouts, 5xx, 429 Retry-After, malformed answers).</summary>
public sealed class XeroLiveAdapterTests
{
    private static readonly XeroAccess Access = new("the-access-token", "fe79f7dd-b6d4-4a92-ba7b-538af6289c58");
    private static readonly XeroReportRequest BalanceSheet = new(XeroReportKind.BalanceSheet, null, new DateOnly(2026, 6, 30));
    private static readonly string ReportJson = System.Text.Json.JsonSerializer.Serialize(FakeXero.ReportBody("BalanceSheet"));

    [Fact]
    public async Task A_report_is_asked_for_with_the_bearer_token_the_tenant_and_JSON()
    {
        var (reports, _, vendor) = Live();
        vendor.Answer(HttpStatusCode.OK, ReportJson);

        var answer = await reports.ReportAsync(new XeroReportRequest(XeroReportKind.ProfitAndLoss, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30)), Access, CancellationToken.None);

        var (request, _) = Assert.Single(vendor.Received);
        Assert.Equal("https://api.xero.test/api.xro/2.0/Reports/ProfitAndLoss?fromDate=2026-04-01&toDate=2026-04-30", request.RequestUri!.ToString());
        Assert.Equal(("Bearer", "the-access-token"), (request.Headers.Authorization!.Scheme, request.Headers.Authorization.Parameter));
        Assert.Equal(Access.TenantId, Assert.Single(request.Headers.GetValues("xero-tenant-id")));
        Assert.Contains(request.Headers.Accept, a => a.MediaType == "application/json");
        Assert.Equal("BalanceSheet", answer["Reports"]![0]!["ReportID"]!.GetValue<string>());
        Assert.Null(answer["Status"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Xero_refusing_the_token_is_told_apart_from_a_failure(HttpStatusCode status)
    {
        var (reports, _, vendor) = Live();
        vendor.Answer(status, """{"Type":"AuthenticationUnsuccessful"}""");

        var refused = await Assert.ThrowsAsync<XeroConnectionRefusedException>(() => reports.ReportAsync(BalanceSheet, Access, CancellationToken.None));

        Assert.Equal((int)status, refused.Status);
        Assert.Single(vendor.Received);
    }

    [Fact]
    public async Task A_5xx_is_retried_and_a_later_answer_used()
    {
        var (reports, _, vendor) = Live();
        vendor.Answer(HttpStatusCode.ServiceUnavailable, "down").Answer(HttpStatusCode.OK, ReportJson);

        await reports.ReportAsync(BalanceSheet, Access, CancellationToken.None);

        Assert.Equal(2, vendor.Received.Count);
    }

    [Fact]
    public async Task A_5xx_that_persists_fails_naming_Xero_without_its_body()
    {
        var (reports, _, vendor) = Live();
        vendor.Answer(HttpStatusCode.InternalServerError, """{"Message":"XERO-INTERNAL-DETAIL"}""");

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => reports.ReportAsync(BalanceSheet, Access, CancellationToken.None));

        Assert.Equal(("Xero (live)", "answered 500"), (failure.Provider, failure.Reason));
        Assert.DoesNotContain("XERO-INTERNAL", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, vendor.Received.Count);
    }

    [Fact]
    public async Task A_try_that_takes_too_long_is_abandoned_and_retried_then_the_call_fails_as_a_timeout()
    {
        var (reports, _, vendor) = Live();
        vendor.Hang(TimeSpan.FromSeconds(5));

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => reports.ReportAsync(BalanceSheet, Access, CancellationToken.None));

        Assert.Equal("did not answer in time", failure.Reason);
        Assert.Equal(3, vendor.Received.Count);
    }

    [Fact]
    public async Task A_429_waits_as_Retry_After_says_before_the_retry()
    {
        var (reports, _, vendor) = Live();
        vendor.Answer(HttpStatusCode.TooManyRequests, "slow down", retryAfter: TimeSpan.FromSeconds(1)).Answer(HttpStatusCode.OK, ReportJson);
        var clock = Stopwatch.StartNew();

        await reports.ReportAsync(BalanceSheet, Access, CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"retried after {clock.Elapsed}");
        Assert.Equal(2, vendor.Received.Count);
    }

    [Fact]
    public async Task A_429_that_persists_fails_as_refused()
    {
        var (reports, _, vendor) = Live();
        vendor.Answer(HttpStatusCode.TooManyRequests, "slow down");

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => reports.ReportAsync(BalanceSheet, Access, CancellationToken.None));

        Assert.Equal("kept refusing calls as too many (429)", failure.Reason);
    }

    [Theory]
    [InlineData("<Response><Reports/></Response>")]
    [InlineData("""{"Reports":[]}""")]
    [InlineData("""{"Reports":[{"ReportID":"BalanceSheet"}]}""")]
    [InlineData("""{"Status":"OK"}""")]
    public async Task A_malformed_report_fails_as_unreadable(string body)
    {
        var (reports, _, vendor) = Live();
        vendor.Answer(HttpStatusCode.OK, body);

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => reports.ReportAsync(BalanceSheet, Access, CancellationToken.None));

        Assert.Equal("answered with a body that is not a Xero report", failure.Reason);
    }

    [Fact]
    public async Task A_refresh_posts_the_grant_with_the_app_s_credentials_and_reads_the_new_pair()
    {
        var (_, identity, vendor) = Live();
        vendor.Answer(HttpStatusCode.OK, """{"id_token":"i","access_token":"new-access","expires_in":1800,"token_type":"Bearer","refresh_token":"new-refresh"}""");

        var tokens = await identity.RefreshAsync("old-refresh", CancellationToken.None);

        var (request, body) = Assert.Single(vendor.Received);
        Assert.Equal((HttpMethod.Post, "https://identity.xero.test/connect/token"), (request.Method, request.RequestUri!.ToString()));
        Assert.Equal("grant_type=refresh_token&refresh_token=old-refresh", body);
        Assert.Equal(Convert.ToBase64String("client:secret"u8.ToArray()), request.Headers.Authorization!.Parameter);
        Assert.Equal(new XeroTokenSet("new-access", "new-refresh", 1800), tokens);
    }

    [Fact]
    public async Task An_invalid_grant_is_a_refused_grant_and_a_failing_token_endpoint_is_not_posted_twice()
    {
        var (_, identity, vendor) = Live();
        vendor.Answer(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""").Answer(HttpStatusCode.ServiceUnavailable, "down");

        await Assert.ThrowsAsync<XeroGrantRejectedException>(() => identity.RefreshAsync("spent", CancellationToken.None));
        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => identity.RefreshAsync("any", CancellationToken.None));

        Assert.Equal(("Xero identity service", "answered 503"), (failure.Provider, failure.Reason));
        Assert.Equal(2, vendor.Received.Count);
    }

    [Theory]
    [InlineData("""{"access_token":"a","expires_in":1800}""")]
    [InlineData("""{"access_token":"a","refresh_token":"r","expires_in":"soon"}""")]
    [InlineData("not json")]
    public async Task A_malformed_token_answer_fails_as_unreadable(string body)
    {
        var (_, identity, vendor) = Live();
        vendor.Answer(HttpStatusCode.OK, body);

        var failure = await Assert.ThrowsAsync<ProviderFailedException>(() => identity.RefreshAsync("r", CancellationToken.None));

        Assert.Equal("answered with a body that is not Xero's", failure.Reason);
    }

    [Fact]
    public async Task Connections_are_read_with_the_access_token()
    {
        var (_, identity, vendor) = Live();
        vendor.Answer(HttpStatusCode.OK, """[{"id":"7cb59f93-2964-421d-bb5e-a0f7a4572a44","tenantId":"fe79f7dd-b6d4-4a92-ba7b-538af6289c58","tenantName":"Demo Company (NZ)","tenantType":"ORGANISATION","createdDateUtc":"2019-12-07T18:46:19.5165400","updatedDateUtc":"2019-12-07T18:46:19.5187840"}]""");

        var tenant = Assert.Single(await identity.ConnectionsAsync("the-access-token", CancellationToken.None));

        Assert.Equal(("Bearer", "the-access-token"), (vendor.Received.Single().Request.Headers.Authorization!.Scheme, vendor.Received.Single().Request.Headers.Authorization!.Parameter));
        Assert.Equal((Guid.Parse("fe79f7dd-b6d4-4a92-ba7b-538af6289c58"), "ORGANISATION", "Demo Company (NZ)"), (tenant.TenantId, tenant.TenantType, tenant.TenantName));
        Assert.Equal(new DateTime(2019, 12, 7, 18, 46, 19, DateTimeKind.Utc), tenant.UpdatedDateUtc!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void The_consent_page_asks_for_a_code_with_PKCE_S256_the_scopes_and_the_state()
    {
        var (_, identity, _) = Live();

        var page = identity.AuthorizeUrl(new Uri("https://raytio.test/xero/v1/callback"), "the-state", "the-challenge");

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(page.Query);
        Assert.Equal("https://login.xero.test/identity/connect/authorize", page.GetLeftPart(UriPartial.Path));
        Assert.Equal(("code", "client", "https://raytio.test/xero/v1/callback", "the-state", "the-challenge", "S256"),
            (query["response_type"].ToString(), query["client_id"].ToString(), query["redirect_uri"].ToString(), query["state"].ToString(), query["code_challenge"].ToString(), query["code_challenge_method"].ToString()));
        Assert.Equal(["offline_access", "accounting.reports.read", "accounting.settings.read"], query["scope"].ToString().Split(' '));
    }

    private static (XeroLiveReports Reports, XeroLiveIdentity Identity, FakeVendor Vendor) Live()
    {
        var vendor = new FakeVendor();
        var options = new XeroOptions
        {
            Provider = XeroProviderKind.Live,
            RedirectUri = new Uri("https://raytio.test/xero/v1/callback"),
            Live = new XeroLiveOptions
            {
                ClientId = "client",
                ClientSecret = "secret",
                AuthorizeUrl = new Uri("https://login.xero.test/identity/connect/authorize"),
                TokenUrl = new Uri("https://identity.xero.test/connect/token"),
                ConnectionsUrl = new Uri("https://api.xero.test/connections"),
                ApiBaseUrl = new Uri("https://api.xero.test/api.xro/2.0/"),
                AttemptTimeout = TimeSpan.FromMilliseconds(200),
                TotalTimeout = TimeSpan.FromSeconds(10),
                RetryDelay = TimeSpan.FromMilliseconds(10),
                MaxRetries = 2,
            },
        };
        var services = new ServiceCollection().AddLogging().AddSingleton(Options.Create(options));
        foreach (var name in new[] { XeroLiveReports.HttpClientName, XeroLiveIdentity.HttpClientName })
        {
            services.AddProviderHttpClient(name, provider => provider.GetRequiredService<IOptions<XeroOptions>>().Value.Live).ConfigurePrimaryHttpMessageHandler(() => vendor);
        }
        services.AddSingleton<XeroLiveReports>().AddSingleton<XeroLiveIdentity>();
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<XeroLiveReports>(), provider.GetRequiredService<XeroLiveIdentity>(), vendor);
    }
}
