using System.Net;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Providers.Nzbn.Sandbox;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.OutsideChecks;

/// <summary>NZBN operations made for an organisation: who may name it, what it costs, and what the audit trail keeps.</summary>
public sealed class NzbnMeteringTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private static readonly string Kowhai = NzbnSandboxGenerator.NzbnOf(1);

    private static readonly string[] Paths =
    [
        "/nzbn/v1/entities?search-term=kowhai", $"/nzbn/v1/entities/{Kowhai}", $"/nzbn/v1/entities/{Kowhai}/ownership",
    ];

    [Fact]
    public async Task Administrators_and_members_may_check_for_their_organisation_and_others_get_the_same_404_as_for_no_organisation()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        var member = await app.NewMemberAsync(org);
        var other = await app.CreateOrgAsync();
        var stranger = await GraphUser.CreateAsync(app);

        foreach (var path in Paths)
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            await (await app.GetAsync($"{path}{separator}org_id={org.Id}", org.Admin.Bearer)).AssertOkAsync();
            await (await app.GetAsync($"{path}{separator}org_id={org.Id}", member.Bearer)).AssertOkAsync();
            var denied = await (await app.GetAsync($"{path}{separator}org_id={org.Id}", other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            var unknown = await (await app.GetAsync($"{path}{separator}org_id={Guid.NewGuid()}", stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            Assert.Equal(unknown.ToString(), denied.ToString());
            await (await app.GetAsync($"{path}{separator}org_id={org.Id}", stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            await (await app.GetAsync($"{path}{separator}org_id=nope", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            await (await app.GetAsync($"{path}{separator}org_id={org.Id}")).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        // Six paid checks at 2 credits each.
        Assert.Equal(88m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task Each_check_for_an_organisation_is_charged_and_audited_without_the_search_term_in_clear()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        var unknown = NzbnSandboxGenerator.NzbnOf(999_998);

        await (await app.GetAsync($"/nzbn/v1/entities?search-term=Kowhai%20Test&org_id={org.Id}", org.Admin.Bearer)).AssertOkAsync();
        await (await app.GetAsync($"/nzbn/v1/entities/{Kowhai}/ownership?org_id={org.Id}", org.Admin.Bearer)).AssertOkAsync();
        await (await app.GetAsync($"/nzbn/v1/entities/{unknown}?org_id={org.Id}", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "nzbn_not_found");
        await (await app.GetAsync($"/nzbn/v1/entities/{Kowhai}", org.Admin.Bearer)).AssertOkAsync();

        // The not-found answer is a completed check: charged, not refunded. The personal read costs nothing.
        Assert.Equal(94m, await app.CreditsAsync(org));
        var search = Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.NzbnSearch));
        Assert.Equal(("found", "nzbn_search", org.Id.ToString(), "Credits"),
            (search.GetProperty("outcome").GetString(), search.GetProperty("check").GetString(), search.GetProperty("org_id").GetString(), search.GetProperty("settlement").GetString()));
        Assert.StartsWith("mtr_", search.GetProperty("charge_id").GetString());
        Assert.Matches("^[0-9a-f]{64}$", search.GetProperty("search_term_hmac").GetString());
        Assert.DoesNotContain("owhai", search.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("NZBN register (sandbox)", search.GetProperty("provider").GetString());
        var reads = await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.NzbnEntityRead);
        Assert.Equal([("not_found", unknown, true), ("found", Kowhai, false)],
            reads.Select(r => (r.GetProperty("outcome").GetString(), r.GetProperty("nzbn").GetString(), r.GetProperty("charge_id").ValueKind == System.Text.Json.JsonValueKind.String)));
        Assert.Equal("found", Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.NzbnOwnershipRead)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task An_organisation_without_credit_or_a_card_gets_402_and_the_refusal_is_audited()
    {
        await app.StartMeteringAsync();
        var org = await app.CreateOrgAsync();

        await (await app.GetAsync($"/nzbn/v1/entities/{Kowhai}?org_id={org.Id}", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.PaymentRequired, "insufficient_credit");

        var refused = Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.NzbnEntityRead));
        Assert.Equal("insufficient_credit", refused.GetProperty("outcome").GetString());
    }
}
