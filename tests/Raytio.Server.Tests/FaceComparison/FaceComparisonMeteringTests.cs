using System.Net;
using Raytio.Server.Features.Audit;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.OutsideChecks;
using static Raytio.Server.Tests.FaceComparison.FaceRequests;

namespace Raytio.Server.Tests.FaceComparison;

/// <summary>Comparisons made for an organisation: who may name it, what is charged (and what is not), and what the audit trail keeps.</summary>
public sealed class FaceComparisonMeteringTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private static readonly string Matching = Body("aroha-front.png", "group.png");

    [Fact]
    public async Task Administrators_and_members_may_compare_for_their_organisation_and_others_get_the_same_404_as_for_no_organisation()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        var member = await app.NewMemberAsync(org);
        var other = await app.CreateOrgAsync();
        var stranger = await GraphUser.CreateAsync(app);

        await (await app.SendJsonTextAsync(HttpMethod.Post, $"{ComparePath}?org_id={org.Id}", Matching, org.Admin.Bearer)).AssertOkAsync();
        await (await app.SendJsonTextAsync(HttpMethod.Post, $"{ComparePath}?org_id={org.Id}", Matching, member.Bearer)).AssertOkAsync();
        var denied = await (await app.SendJsonTextAsync(HttpMethod.Post, $"{ComparePath}?org_id={org.Id}", Matching, other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        var unrelated = await (await app.SendJsonTextAsync(HttpMethod.Post, $"{ComparePath}?org_id={org.Id}", Matching, stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        var unknown = await (await app.SendJsonTextAsync(HttpMethod.Post, $"{ComparePath}?org_id={Guid.NewGuid()}", Matching, stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.SendJsonTextAsync(HttpMethod.Post, $"{ComparePath}?org_id=nope", Matching, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await app.SendJsonTextAsync(HttpMethod.Post, $"{ComparePath}?org_id={org.Id}", Matching)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");

        Assert.Equal(unknown.ToString(), denied.ToString());
        Assert.Equal(unknown.ToString(), unrelated.ToString());
        // Two paid comparisons at 2 credits each.
        Assert.Equal(96m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task A_comparison_and_a_refusal_for_no_face_are_charged_and_audited_without_the_images_and_limit_refusals_are_neither()
    {
        await app.StartMeteringAsync();
        var org = await app.FundedOrgAsync();
        var path = $"{ComparePath}?org_id={org.Id}";

        await (await app.SendJsonTextAsync(HttpMethod.Post, path, Body("aroha-front.png", "group.png", threshold: 95, filter: "LOW"), org.Admin.Bearer)).AssertOkAsync();
        await (await app.SendJsonTextAsync(HttpMethod.Post, path, Body("aroha-front.png", "ben-front.png"), org.Admin.Bearer)).AssertOkAsync();
        await (await app.SendJsonTextAsync(HttpMethod.Post, path, Body("landscape.png", "ben-front.png"), org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await app.SendJsonTextAsync(HttpMethod.Post, path, Body(Convert.ToBase64String(Png(40, 40)), "ben-front.png"), org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_parameter");
        await (await app.SendJsonTextAsync(HttpMethod.Post, ComparePath, Matching, org.Admin.Bearer)).AssertOkAsync();

        // Three checks ran for the organisation; the image too small never reached the comparer; the personal comparison is free.
        Assert.Equal(94m, await app.CreditsAsync(org));
        var audited = await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.FaceCompare);
        Assert.Equal(["match", "no_match", "invalid_parameter", "match"], audited.Select(a => a.GetProperty("outcome").GetString()));
        var first = audited[0];
        Assert.Equal(("face_compare", "Rekognition (sandbox)", org.Id.ToString(), "95", "LOW"),
            (first.GetProperty("check").GetString(), first.GetProperty("provider").GetString(), first.GetProperty("org_id").GetString(),
             first.GetProperty("similarity_threshold").GetString(), first.GetProperty("quality_filter").GetString()));
        Assert.StartsWith("mtr_", first.GetProperty("charge_id").GetString());
        foreach (var entry in audited)
        {
            Assert.DoesNotContain(Base64("aroha-front.png")[..40], entry.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("BoundingBox", entry.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_organisation_without_credit_gets_402_and_the_refusal_is_audited()
    {
        await app.StartMeteringAsync();
        var org = await app.CreateOrgAsync();

        await (await app.SendJsonTextAsync(HttpMethod.Post, $"{ComparePath}?org_id={org.Id}", Matching, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.PaymentRequired, "insufficient_credit");

        Assert.Equal("insufficient_credit", Assert.Single(await app.AuditOfAsync(org.Admin.Id, AuditEventTypes.FaceCompare)).GetProperty("outcome").GetString());
    }
}
