using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Features.Secrets;
using Raytio.Server.Features.Xero;
using Raytio.Server.Providers.Xero.Sandbox;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.Xero;

/// <summary>The connect / callback additions end to end on the Sandbox, whose consent page gives consent at once and sends the browser straight back.</summary>
public sealed class XeroSandboxConnectTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task An_administrator_connects_the_demo_company_and_the_tokens_are_stored_encrypted()
    {
        var org = await app.CreateOrgAsync();

        var consent = await app.ConsentPageAsync(org);
        var query = QueryHelpers.ParseQuery(consent.Query);
        Assert.Equal("/xero/v1/callback", consent.AbsolutePath);
        Assert.True(query["state"].ToString().Length >= 43);
        var connected = await (await app.CallbackAsync(consent)).AssertOkAsync();

        Assert.Equal((org.Id, XeroSandboxIdentity.DemoTenantId, "Demo Company (NZ)"),
            (connected.GetProperty("org_id").GetGuid(), connected.GetProperty("tenant_id").GetGuid(), connected.GetProperty("tenant_name").GetString()));
        var stored = await app.WithDbAsync(db => db.XeroConnections.SingleAsync(c => c.OrganizationId == org.Id));
        var protector = app.Services.GetRequiredService<SecretProtector>();
        Assert.DoesNotContain("sandbox-access-", stored.AccessToken, StringComparison.Ordinal);
        Assert.StartsWith("sandbox-access-", protector.Unprotect(XeroConnectionTokens.AccessPurpose, stored.AccessToken), StringComparison.Ordinal);
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime.AddSeconds(1800), stored.AccessTokenExpiresAt, TimeSpan.FromSeconds(5));
        var audited = await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.XeroConnect);
        Assert.Equal(["started", "connected"], audited.Select(a => a.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task The_state_is_single_use()
    {
        var org = await app.CreateOrgAsync();
        var consent = await app.ConsentPageAsync(org);

        await (await app.CallbackAsync(consent)).AssertOkAsync();
        var replay = await (await app.CallbackAsync(consent)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(replay.GetProperty("errors").TryGetProperty("state", out _));
    }

    [Fact]
    public async Task The_state_expires_after_10_minutes_and_the_cleanup_removes_it()
    {
        var org = await app.CreateOrgAsync();
        var consent = await app.ConsentPageAsync(org);
        app.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        await (await app.CallbackAsync(consent)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        var late = await app.ConsentPageAsync(org);
        app.Time.Advance(TimeSpan.FromMinutes(11));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var cleanups = scope.ServiceProvider.GetServices<Raytio.Server.Hosting.ICleanupTask>().OfType<XeroAuthorizationCleanup>();
            Assert.True(await Assert.Single(cleanups).RunAsync(app.Time.GetUtcNow().UtcDateTime, CancellationToken.None) >= 1);
        }
        await (await app.CallbackAsync(late)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_forged_or_missing_state_or_code_is_a_400_naming_it()
    {
        var org = await app.CreateOrgAsync();
        var consent = QueryHelpers.ParseQuery((await app.ConsentPageAsync(org)).Query);

        foreach (var (path, field) in new[]
        {
            ($"/xero/v1/callback?code={Uri.EscapeDataString(consent["code"]!)}", "state"),
            ($"/xero/v1/callback?code={Uri.EscapeDataString(consent["code"]!)}&state=guessed", "state"),
            ($"/xero/v1/callback?state={Uri.EscapeDataString(consent["state"]!)}&code=forged", "code"),
        })
        {
            var body = await (await app.GetAsync(path)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"{path}: {body}");
        }
        var another = QueryHelpers.ParseQuery((await app.ConsentPageAsync(org)).Query);
        await (await app.GetAsync($"/xero/v1/callback?state={Uri.EscapeDataString(another["state"]!)}")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_code_works_only_with_its_own_state_s_verifier()
    {
        var org = await app.CreateOrgAsync();
        var first = QueryHelpers.ParseQuery((await app.ConsentPageAsync(org)).Query);
        var second = QueryHelpers.ParseQuery((await app.ConsentPageAsync(org)).Query);

        // The first consent's code with the second connection's state (and so its PKCE verifier).
        var swapped = await (await app.GetAsync($"/xero/v1/callback?code={Uri.EscapeDataString(first["code"]!)}&state={Uri.EscapeDataString(second["state"]!)}"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(swapped.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task Consent_refused_at_Xero_is_a_400_and_spends_the_state()
    {
        var org = await app.CreateOrgAsync();
        var state = QueryHelpers.ParseQuery((await app.ConsentPageAsync(org)).Query)["state"].ToString();

        await (await app.GetAsync($"/xero/v1/callback?state={Uri.EscapeDataString(state)}&error=access_denied")).AssertErrorAsync(HttpStatusCode.BadRequest, "xero_consent_refused");
        await (await app.GetAsync($"/xero/v1/callback?state={Uri.EscapeDataString(state)}&code=x")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task An_administrator_who_lost_the_role_before_the_callback_cannot_complete_it()
    {
        var org = await app.CreateOrgAsync();
        var second = await app.NewMemberAsync(org, OrganizationRole.Admin);
        var consent = await app.ConsentPageAsync(new TestOrg(org.Id, second));
        await app.WithDbAsync(db => db.OrganizationMembers.Where(m => m.OrganizationId == org.Id && m.UserId == second.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, OrganizationRole.Member)));

        await (await app.CallbackAsync(consent)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.False(await app.WithDbAsync(db => db.XeroConnections.AnyAsync(c => c.OrganizationId == org.Id)));
    }

    [Fact]
    public async Task Only_administrators_may_connect_and_outsiders_get_the_answer_of_an_unknown_organisation()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var stranger = await GraphUser.CreateAsync(app);

        Assert.Equal(HttpStatusCode.Redirect, (await app.ConnectAsync(org.Id, org.Admin.Bearer)).StatusCode);
        await (await app.ConnectAsync(org.Id, member.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var unknown = await (await app.ConnectAsync(Guid.NewGuid(), stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        foreach (var outsider in new[] { otherAdmin, stranger })
        {
            Assert.Equal(unknown.ToString(), (await (await app.ConnectAsync(org.Id, outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found")).ToString());
        }
        await (await app.ConnectAsync(org.Id, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.GetAsync("/xero/v1/connect", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
