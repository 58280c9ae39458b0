using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Xero;
using Raytio.Server.Providers.Xero;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.OutsideChecks;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.Xero;

/// <summary>
/// The stored tokens of a Live connection when things go wrong around them: Xero's identity
/// service failing before a report is charged, a request cancelled once Xero has rotated the
/// refresh token, a fresh access token refused too (with and without another writer meanwhile),
/// and tokens this server can no longer decrypt.
/// </summary>
public sealed class XeroLiveTokenTests(XeroLiveHostTests.LiveXeroFactory app) : IClassFixture<XeroLiveHostTests.LiveXeroFactory>
{
    [Fact]
    public async Task A_failing_identity_service_before_the_report_is_a_502_naming_it_audited_and_nothing_is_charged()
    {
        var restore = await app.MeterXeroReportsAsync();
        var org = await app.FundedOrgAsync();
        await app.ConnectToXeroAsync(org);
        app.Time.Advance(TimeSpan.FromMinutes(29));
        app.Xero.TokenFails = HttpStatusCode.InternalServerError;
        try
        {
            var failed = await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadGateway, "provider_failed");

            Assert.Contains("Xero identity service", failed.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("Nothing was charged", failed.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(100m, await app.CreditsAsync(org));
            var audited = (await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.XeroReport)).Last();
            Assert.Equal(("provider_failed", "Xero (live)", org.Id.ToString()), (audited.GetProperty("outcome").GetString(), audited.GetProperty("provider").GetString(), audited.GetProperty("org_id").GetString()));
            Assert.False(audited.TryGetProperty("charge_id", out _));
        }
        finally
        {
            app.Xero.TokenFails = null;
            restore();
        }
        await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertOkAsync();
    }

    [Fact]
    public async Task A_refreshed_pair_is_stored_even_when_the_request_is_cancelled_once_Xero_has_answered()
    {
        var org = await app.ConnectedOrgAsync();
        var before = await app.StoredConnectionAsync(org);
        app.Time.Advance(TimeSpan.FromMinutes(29));

        await RefreshCancelledOnceAnsweredAsync(org);

        var after = await app.StoredConnectionAsync(org);
        Assert.Equal(before.Revision + 1, after.Revision);
        var refreshes = app.Xero.Refreshes;
        await (await app.ReportAsync("trial_balance", org.Id, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(refreshes, app.Xero.Refreshes);
    }

    [Fact]
    public async Task A_refused_refresh_token_marks_the_connection_revoked_even_when_the_request_is_cancelled_meanwhile()
    {
        var org = await app.ConnectedOrgAsync();
        app.Time.Advance(TimeSpan.FromMinutes(29));
        app.Xero.RevokeEverything();

        await RefreshCancelledOnceAnsweredAsync(org);

        Assert.NotNull((await app.StoredConnectionAsync(org)).RevokedAt);
        var audited = (await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.XeroConnect)).Last();
        Assert.Equal(("revoked", XeroConnectionTokens.RefreshRefused), (audited.GetProperty("outcome").GetString(), audited.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_fresh_access_token_refused_too_marks_the_connection_revoked_and_refunds_the_charge()
    {
        var restore = await app.MeterXeroReportsAsync();
        var org = await app.FundedOrgAsync();
        await app.ConnectToXeroAsync(org);
        app.Xero.ExpireAccessTokens();
        var calls = 0;
        app.Xero.BeforeReport = () =>
        {
            // The refreshed token is refused as well.
            if (Interlocked.Increment(ref calls) == 2)
            {
                app.Xero.ExpireAccessTokens();
            }
            return Task.CompletedTask;
        };
        try
        {
            await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "xero_connection_revoked");
        }
        finally
        {
            app.Xero.BeforeReport = null;
            restore();
        }

        Assert.Equal(2, calls);
        Assert.NotNull((await app.StoredConnectionAsync(org)).RevokedAt);
        Assert.Equal(100m, await app.CreditsAsync(org));
        var revoked = (await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.XeroConnect)).Last();
        Assert.Equal(XeroConnectionTokens.AccessRefused, revoked.GetProperty("reason").GetString());
        var report = (await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.XeroReport)).Last();
        Assert.Equal(("xero_connection_revoked", true), (report.GetProperty("outcome").GetString(), report.GetProperty("refunded").GetBoolean()));
    }

    [Fact]
    public async Task When_another_writer_stored_a_new_pair_before_the_connection_is_marked_revoked_its_pair_is_used_instead()
    {
        var org = await app.ConnectedOrgAsync();
        app.Xero.ExpireAccessTokens();
        var calls = 0;
        var theirs = "";
        app.Xero.BeforeReport = async () =>
        {
            // The refreshed token is refused, and meanwhile another replica stores a new pair.
            if (Interlocked.Increment(ref calls) == 2)
            {
                app.Xero.ExpireAccessTokens();
                theirs = (await app.AnotherReplicaRefreshesAsync(org)).Access;
            }
        };
        try
        {
            await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertOkAsync();
        }
        finally
        {
            app.Xero.BeforeReport = null;
        }

        Assert.Equal(3, calls);
        Assert.Equal(theirs, app.Xero.Reports.Last().Headers.Authorization!.Parameter);
        Assert.Null((await app.StoredConnectionAsync(org)).RevokedAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tokens_that_no_longer_decrypt_mark_the_connection_revoked_and_answer_409_to_connect_again(bool refreshToken)
    {
        var restore = await app.MeterXeroReportsAsync();
        var org = await app.FundedOrgAsync();
        await app.ConnectToXeroAsync(org);
        var stored = await app.StoredConnectionAsync(org);
        var (access, refresh) = refreshToken ? (stored.AccessToken, XeroLiveSeed.Corrupted(stored.RefreshToken)) : (XeroLiveSeed.Corrupted(stored.AccessToken), stored.RefreshToken);
        await app.WithDbAsync(db => db.XeroConnections.Where(c => c.OrganizationId == org.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AccessToken, access).SetProperty(c => c.RefreshToken, refresh)));
        if (refreshToken)
        {
            app.Time.Advance(TimeSpan.FromMinutes(29));
        }
        try
        {
            var revoked = await (await app.ReportAsync("trial_balance", org.Id, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "xero_connection_revoked");

            Assert.Contains("connect again", revoked.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(100m, await app.CreditsAsync(org));
            Assert.NotNull((await app.StoredConnectionAsync(org)).RevokedAt);
            var audited = (await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.XeroConnect)).Last();
            Assert.Equal(("revoked", XeroConnectionTokens.TokensUnreadable), (audited.GetProperty("outcome").GetString(), audited.GetProperty("reason").GetString()));
            Assert.Equal("xero_connection_revoked", (await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.XeroReport)).Last().GetProperty("outcome").GetString());

            await app.ConnectToXeroAsync(org);
            await (await app.ReportAsync("trial_balance", org.Id, org.Admin.Bearer)).AssertOkAsync();
        }
        finally
        {
            restore();
        }
    }

    /// <summary>A refresh through the host's own token store whose request is cancelled the moment Xero has answered (or refused) it.</summary>
    private async Task RefreshCancelledOnceAnsweredAsync(TestOrg org)
    {
        using var request = new CancellationTokenSource();
        await using var scope = app.Services.CreateAsyncScope();
        var identity = new CancelledOnceAnswered(scope.ServiceProvider.GetRequiredService<IXeroIdentity>(), request);
        var tokens = ActivatorUtilities.CreateInstance<XeroConnectionTokens>(scope.ServiceProvider, identity);

        // Whether the store answers or not once cancelled, what it wrote is what counts.
        await Record.ExceptionAsync(() => tokens.AccessAsync(org.Admin.Id, org.Id, null, request.Token));

        Assert.True(request.IsCancellationRequested);
    }

    private sealed class CancelledOnceAnswered(IXeroIdentity inner, CancellationTokenSource request) : IXeroIdentity
    {
        public string Name => inner.Name;

        public Uri AuthorizeUrl(Uri redirectUri, string state, string codeChallenge) => inner.AuthorizeUrl(redirectUri, state, codeChallenge);

        public Task<XeroTokenSet> ExchangeCodeAsync(string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken) =>
            inner.ExchangeCodeAsync(code, codeVerifier, redirectUri, cancellationToken);

        public async Task<XeroTokenSet> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
        {
            try
            {
                return await inner.RefreshAsync(refreshToken, cancellationToken);
            }
            finally
            {
                await request.CancelAsync();
            }
        }

        public Task<IReadOnlyList<XeroTenant>> ConnectionsAsync(string accessToken, CancellationToken cancellationToken) => inner.ConnectionsAsync(accessToken, cancellationToken);
    }
}
