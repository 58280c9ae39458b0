using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Xero;
using Raytio.Server.Providers.Xero.Live;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.Xero;

/// <summary>
/// The server with Raytio:Xero:Provider = Live against <see cref="FakeXero"/>: the OAuth flow
/// (consent URL, PKCE, the code exchange, the tenant choice), reports with Bearer and
/// xero-tenant-id, refresh before expiry and after a 401, rotation, racing refreshes, a revoked
/// connection, and failures answered 502 naming Xero with the charge refunded.
/// </summary>
public sealed class XeroLiveHostTests(XeroLiveHostTests.LiveXeroFactory app) : IClassFixture<XeroLiveHostTests.LiveXeroFactory>
{
    private static readonly Guid Practice = Guid.NewGuid(), OlderOrganisation = Guid.NewGuid(), NewerOrganisation = Guid.NewGuid();

    [Fact]
    public async Task Connect_sends_the_administrator_to_Xero_with_PKCE_and_the_callback_connects_the_newest_organisation()
    {
        var org = await app.CreateOrgAsync();

        var consent = await app.ConsentPageAsync(org);
        Assert.Equal("https://login.xero.test/identity/connect/authorize", consent.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(consent.Query);
        Assert.Equal(LiveXeroFactory.RedirectUri, query["redirect_uri"].ToString());
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        var connected = await (await app.CallbackAsync(app.Xero.Consent(consent))).AssertOkAsync();

        Assert.Equal((NewerOrganisation, "Newer Ledger Ltd"), (connected.GetProperty("tenant_id").GetGuid(), connected.GetProperty("tenant_name").GetString()));
        var exchange = app.Xero.TokenCalls.Last(c => c["grant_type"] == "authorization_code");
        Assert.Equal(LiveXeroFactory.RedirectUri, exchange["redirect_uri"]);
        Assert.True(exchange["code_verifier"].Length is >= 43 and <= 128);
    }

    [Fact]
    public async Task A_code_with_another_connection_s_verifier_is_refused_by_Xero_and_answered_400_naming_the_code()
    {
        var org = await app.CreateOrgAsync();
        var first = app.Xero.Consent(await app.ConsentPageAsync(org));
        var second = app.Xero.Consent(await app.ConsentPageAsync(org));
        var firstCode = QueryHelpers.ParseQuery(first.Query)["code"].ToString();
        var secondState = QueryHelpers.ParseQuery(second.Query)["state"].ToString();

        var refused = await (await app.GetAsync($"/xero/v1/callback?code={firstCode}&state={Uri.EscapeDataString(secondState)}")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(refused.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task Reports_go_to_Xero_with_the_bearer_token_and_the_tenant_and_answer_Xero_s_reports()
    {
        var org = await app.ConnectedOrgAsync();

        var answer = await (await app.ReportAsync("profit_and_loss", org.Id, org.Admin.Bearer, "fromDate=2026-04-01&toDate=2026-06-30")).AssertOkAsync();
        await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer, "date=2026-06-30")).AssertOkAsync();

        Assert.False(answer.TryGetProperty("Id", out _));
        Assert.Equal("Live Ledger Ltd", answer.GetProperty("Reports")[0].GetProperty("ReportTitles")[1].GetString());
        Assert.Null(XeroContractSchema.Violations(answer));
        var calls = app.Xero.Reports.TakeLast(2).ToList();
        Assert.Equal("/api.xro/2.0/Reports/ProfitAndLoss?fromDate=2026-04-01&toDate=2026-06-30", calls[0].RequestUri!.PathAndQuery);
        Assert.Equal("/api.xro/2.0/Reports/BalanceSheet?date=2026-06-30", calls[1].RequestUri!.PathAndQuery);
        Assert.All(calls, call =>
        {
            Assert.Equal(NewerOrganisation.ToString(), Assert.Single(call.Headers.GetValues("xero-tenant-id")));
            Assert.Equal("Bearer", call.Headers.Authorization!.Scheme);
            Assert.Contains(call.Headers.Accept, a => a.MediaType == "application/json");
        });
    }

    [Fact]
    public async Task An_access_token_about_to_expire_is_refreshed_first_and_the_rotated_refresh_token_is_kept()
    {
        var org = await app.ConnectedOrgAsync();
        var before = await app.StoredConnectionAsync(org);
        var refreshes = app.Xero.Refreshes;

        app.Time.Advance(TimeSpan.FromMinutes(29));
        await (await app.ReportAsync("trial_balance", org.Id, org.Admin.Bearer)).AssertOkAsync();
        app.Time.Advance(TimeSpan.FromMinutes(29));
        await (await app.ReportAsync("trial_balance", org.Id, org.Admin.Bearer)).AssertOkAsync();

        Assert.Equal(refreshes + 2, app.Xero.Refreshes);
        var after = await app.StoredConnectionAsync(org);
        Assert.Equal(before.Revision + 2, after.Revision);
        Assert.NotEqual(app.Unprotect(XeroConnectionTokens.RefreshPurpose, before.RefreshToken), app.Unprotect(XeroConnectionTokens.RefreshPurpose, after.RefreshToken));
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime.AddMinutes(30), after.AccessTokenExpiresAt, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_401_from_Xero_refreshes_once_and_retries()
    {
        var org = await app.ConnectedOrgAsync();
        var refreshes = app.Xero.Refreshes;
        app.Xero.ExpireAccessTokens();

        await (await app.ReportAsync("executive_summary", org.Id, org.Admin.Bearer)).AssertOkAsync();

        Assert.Equal(refreshes + 1, app.Xero.Refreshes);
    }

    [Fact]
    public async Task Refreshes_racing_for_one_connection_make_one_call_to_Xero()
    {
        var org = await app.ConnectedOrgAsync();
        var refreshes = app.Xero.Refreshes;
        app.Time.Advance(TimeSpan.FromMinutes(29));
        app.Xero.RefreshDelay = TimeSpan.FromMilliseconds(300);
        try
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            Assert.Equal(refreshes + 1, app.Xero.Refreshes);
        }
        finally
        {
            app.Xero.RefreshDelay = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_refresh_another_replica_stored_first_wins_and_its_tokens_are_used()
    {
        var org = await app.ConnectedOrgAsync();
        app.Time.Advance(TimeSpan.FromMinutes(29));
        var (theirAccess, theirRefresh) = ("", "");
        // While our refresh is with Xero, another replica's refresh is stored (a new revision with its pair).
        app.Xero.BeforeNextRefresh = async () => (theirAccess, theirRefresh) = await app.AnotherReplicaRefreshesAsync(org);

        await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertOkAsync();

        Assert.Equal(theirAccess, app.Xero.Reports.Last().Headers.Authorization!.Parameter);
        Assert.Equal(theirRefresh, app.Unprotect(XeroConnectionTokens.RefreshPurpose, (await app.StoredConnectionAsync(org)).RefreshToken));
    }

    [Fact]
    public async Task A_connection_Xero_no_longer_accepts_is_a_409_telling_an_administrator_to_connect_again_and_nothing_is_charged()
    {
        var restore = await app.MeterXeroReportsAsync();
        try
        {
            var org = await app.FundedOrgAsync();
            await app.ConnectToXeroAsync(org);
            app.Xero.RevokeEverything();

            var revoked = await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "xero_connection_revoked");
            Assert.Contains("connect again", revoked.GetProperty("message").GetString(), StringComparison.Ordinal);
            var calls = app.Xero.Reports.Count;
            await (await app.ReportAsync("trial_balance", org.Id, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "xero_connection_revoked");

            Assert.Equal(calls, app.Xero.Reports.Count);
            Assert.Equal(100m, await app.CreditsAsync(org));
            Assert.NotNull((await app.StoredConnectionAsync(org)).RevokedAt);
            await app.ConnectToXeroAsync(org);
            await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertOkAsync();
            Assert.Equal(98m, await app.CreditsAsync(org));
        }
        finally
        {
            restore();
        }
    }

    [Fact]
    public async Task Reports_of_an_organisation_that_never_connected_are_a_409_and_outsiders_still_get_404()
    {
        var org = await app.CreateOrgAsync();
        var stranger = (await app.CreateOrgAsync()).Admin;

        await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "xero_not_connected");
        await (await app.ReportAsync("balance_sheet", org.Id, stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
    }

    [Fact]
    public async Task A_failing_Xero_is_a_502_naming_it_without_its_body_and_the_charge_is_refunded()
    {
        var restore = await app.MeterXeroReportsAsync();
        var org = await app.FundedOrgAsync();
        await app.ConnectToXeroAsync(org);
        app.Xero.ReportsFail = HttpStatusCode.ServiceUnavailable;
        try
        {
            var failed = await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");

            Assert.Contains("Xero (live)", failed.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("FAKE-XERO", failed.ToString(), StringComparison.Ordinal);
            Assert.Equal(100m, await app.CreditsAsync(org));
            var audited = (await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.XeroReport)).Last();
            Assert.Equal(("provider_failed", true), (audited.GetProperty("outcome").GetString(), audited.GetProperty("refunded").GetBoolean()));
        }
        finally
        {
            app.Xero.ReportsFail = null;
            restore();
        }
    }

    [Fact]
    public async Task A_failing_token_endpoint_at_the_callback_is_a_502_naming_Xero_s_identity_service()
    {
        var org = await app.CreateOrgAsync();
        var callback = app.Xero.Consent(await app.ConsentPageAsync(org));
        app.Xero.TokenFails = HttpStatusCode.InternalServerError;
        try
        {
            var failed = await (await app.CallbackAsync(callback)).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");
            Assert.Contains("Xero identity service", failed.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            app.Xero.TokenFails = null;
        }
    }

    [Fact]
    public async Task A_grant_that_reaches_no_organisation_is_a_409()
    {
        var host = app;
        var org = await host.CreateOrgAsync();
        var callback = host.Xero.Consent(await host.ConsentPageAsync(org));
        var tenants = host.Xero.Tenants.ToList();
        host.Xero.Tenants.RemoveAll(t => t.TenantType != "PRACTICE");
        try
        {
            await (await host.CallbackAsync(callback)).AssertErrorAsync(HttpStatusCode.Conflict, "xero_no_organisation");
        }
        finally
        {
            host.Xero.Tenants.Clear();
            host.Xero.Tenants.AddRange(tenants);
        }
    }

    /// <summary>Live Xero against <see cref="FakeXero"/>, with no retries (the host's clock is a fake one, which retry waits would follow).</summary>
    public sealed class LiveXeroFactory : RaytioFactory
    {
        public const string RedirectUri = "https://raytio.test/xero/v1/callback";

        /// <summary>Runs a test's write just before the next save that replaces a stored connection.</summary>
        public XeroConnectionRace Race { get; } = new();

        public FakeXero Xero { get; } = new()
        {
            Tenants =
            {
                ("PRACTICE", "Newest Practice", Practice, new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc)),
                ("ORGANISATION", "Older Ledger Ltd", OlderOrganisation, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
                ("ORGANISATION", "Newer Ledger Ltd", NewerOrganisation, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)),
            },
        };

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Raytio:Xero:Provider", "Live"),
            new("Raytio:Xero:RedirectUri", RedirectUri),
            new("Raytio:Xero:Live:ClientId", FakeXero.ClientId),
            new("Raytio:Xero:Live:ClientSecret", FakeXero.ClientSecret),
            new("Raytio:Xero:Live:AuthorizeUrl", "https://login.xero.test/identity/connect/authorize"),
            new("Raytio:Xero:Live:TokenUrl", "https://identity.xero.test/connect/token"),
            new("Raytio:Xero:Live:ConnectionsUrl", "https://api.xero.test/connections"),
            new("Raytio:Xero:Live:ApiBaseUrl", "https://api.xero.test/api.xro/2.0/"),
            new("Raytio:Xero:Live:MaxRetries", "0"),
        ];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddHttpClient(XeroLiveIdentity.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Xero);
                services.AddHttpClient(XeroLiveReports.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Xero);
                services.AddSingleton<IInterceptor>(Race);
            });
        }
    }
}
