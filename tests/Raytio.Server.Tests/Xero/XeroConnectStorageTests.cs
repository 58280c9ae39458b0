using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Xero;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.Xero;

/// <summary>
/// Storing a connection while others write the same row: a refresh of the connection being
/// replaced (the new connection is stored over it, under a revision of its own), another callback
/// (it is kept, 409), and a started connection whose protected verifier no longer decrypts.
/// </summary>
public sealed class XeroConnectStorageTests(XeroLiveHostTests.LiveXeroFactory app) : IClassFixture<XeroLiveHostTests.LiveXeroFactory>
{
    [Fact]
    public async Task A_reconnect_racing_a_refresh_is_stored_over_the_refreshed_pair_under_a_revision_of_its_own()
    {
        var org = await app.ConnectedOrgAsync();
        var before = await app.StoredConnectionAsync(org);
        var theirs = "";
        app.Race.BeforeNextReplace(async () => theirs = (await app.AnotherReplicaRefreshesAsync(org)).Refresh);

        await app.ConnectToXeroAsync(org);

        var after = await app.StoredConnectionAsync(org);
        Assert.NotEqual("", theirs);
        Assert.Equal(before.Revision + 2, after.Revision);
        Assert.NotEqual(theirs, app.Unprotect(XeroConnectionTokens.RefreshPurpose, after.RefreshToken));
        Assert.True(after.ConnectedAt >= before.ConnectedAt);
        await (await app.ReportAsync("balance_sheet", org.Id, org.Admin.Bearer)).AssertOkAsync();
    }

    [Fact]
    public async Task A_reconnect_racing_another_callback_keeps_the_other_one_and_answers_409()
    {
        var org = await app.ConnectedOrgAsync();
        var theirs = "";
        app.Race.BeforeNextReplace(async () =>
        {
            theirs = (await app.AnotherReplicaRefreshesAsync(org)).Refresh;
            var later = app.Time.GetUtcNow().UtcDateTime.AddSeconds(1);
            await app.WithDbAsync(db => db.XeroConnections.Where(c => c.OrganizationId == org.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ConnectedAt, later)));
        });

        await (await app.CallbackAsync(app.Xero.Consent(await app.ConsentPageAsync(org)))).AssertErrorAsync(HttpStatusCode.Conflict, "xero_connect_raced");

        Assert.Equal(theirs, app.Unprotect(XeroConnectionTokens.RefreshPurpose, (await app.StoredConnectionAsync(org)).RefreshToken));
    }

    [Fact]
    public async Task A_started_connection_whose_verifier_no_longer_decrypts_is_a_400_naming_the_state()
    {
        var org = await app.CreateOrgAsync();
        var callback = app.Xero.Consent(await app.ConsentPageAsync(org));
        await app.WithDbAsync(async db =>
        {
            var started = await db.XeroAuthorizations.SingleAsync(a => a.OrganizationId == org.Id);
            started.CodeVerifier = XeroLiveSeed.Corrupted(started.CodeVerifier);
            return await db.SaveChangesAsync();
        });

        var refused = await (await app.CallbackAsync(callback)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(refused.GetProperty("errors").TryGetProperty("state", out _));
        Assert.Contains("start again", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
