using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Raytio.Clarity.Tests.Documents;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Billing;
using Raytio.Server.Tests.Billing.Metering;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using static Raytio.Server.Tests.ExtractVerify.ExtractVerifyClient;
using TestOrg = Raytio.Server.Tests.Organizations.Org;

namespace Raytio.Server.Tests.ExtractVerify;

/// <summary>
/// Operations 106 and 102 for an organisation (`org_id`): charged as `document_verify_sign` before
/// the register is asked (refunded when it cannot answer) and as `document_extract` before OCR,
/// 402 without credit; who may name the organisation (administrator, member: yes; another
/// organisation's administrator, a stranger: 404 as for an unknown one; anonymous: 401).
/// </summary>
public sealed class ExtractVerifyMeteringTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private const string Price = "2.5";
    private const string ExtractPrice = "4";

    [Fact]
    public async Task A_check_for_an_organisation_costs_its_price_once_and_one_the_register_cannot_answer_is_refunded()
    {
        var org = await CreditedOrgAsync();
        var member = await app.NewMemberAsync(org);

        await (await app.VerifySignAsync(await DocumentAsync("DI100001", org), member.Bearer)).AssertOkAsync();
        Assert.Equal(100m - 2.5m, await app.CreditsAsync(org));

        await (await app.VerifySignAsync(await DocumentAsync(Providers.DocumentRegisters.SandboxIdentities.UnavailableNumber, org), member.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadGateway, "verifier_unavailable");
        Assert.Equal(100m - 2.5m, await app.CreditsAsync(org));
        var entries = await app.WithDbAsync(db => db.BillingCreditEntries.Where(e => e.OrganizationId == org.Id && e.Check == MeteredChecks.DocumentVerifySign)
            .Select(e => e.RefundedAt != null).ToListAsync());
        Assert.Equal([false, true], entries.Order());

        // Without org_id the person acts for themselves: nothing is charged.
        await (await app.VerifySignAsync(await DocumentAsync("DI100001", null), member.Bearer)).AssertOkAsync();
        Assert.Equal(100m - 2.5m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task An_organisation_without_credit_or_a_card_is_402_and_nothing_is_stored()
    {
        await CatalogueAsync();
        var org = await app.CreateOrgAsync();

        await (await app.VerifySignAsync(await DocumentAsync("DI100001", org), org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.PaymentRequired, "insufficient_credit");

        Assert.Equal(0, await app.WithDbAsync(db =>
        {
            var nodes = db.GraphNodes;
            return db.GraphRelationships.CountAsync(r => nodes.Any(n => n.Id == r.StartId && n.Key == org.Admin.Id) && r.Type == "IS_OWNER"
                && nodes.Any(n => n.Id == r.EndId && n.SchemaName == "ss_Verification"));
        }));
    }

    [Fact]
    public async Task Members_may_name_their_organisation_and_nobody_else_may()
    {
        var org = await CreditedOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var stranger = await GraphUser.CreateAsync(app);
        var document = await DocumentAsync("DI100002", org);

        await (await app.VerifySignAsync(document, org.Admin.Bearer)).AssertOkAsync();
        await (await app.VerifySignAsync(document, member.Bearer)).AssertOkAsync();
        var denied = await (await app.VerifySignAsync(document, otherAdmin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.VerifySignAsync(document, stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        var unknown = await (await app.VerifySignAsync(await DocumentAsync("DI100002", org with { Id = Guid.NewGuid() }), stranger.Bearer))
            .AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        Assert.Equal(unknown.GetRawText(), denied.GetRawText());
        await (await app.VerifySignAsync(document, null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(100m - 5m, await app.CreditsAsync(org));

        var malformed = (JsonObject)document.DeepClone();
        malformed["org_id"] = "not-a-guid";
        var error = await (await app.VerifySignAsync(malformed, member.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty("org_id", out _));
        malformed["org_id"] = 42;
        await (await app.VerifySignAsync(malformed, member.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task An_extraction_for_an_organisation_costs_its_price_and_only_members_may_name_it()
    {
        var org = await CreditedOrgAsync();
        var member = await app.NewMemberAsync(org);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var stranger = await GraphUser.CreateAsync(app);
        foreach (var user in new[] { org.Admin, member })
        {
            await app.StoreLicenceModelAsync(user);
        }
        var image = Convert.ToBase64String(DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(21), Distortion.None).Jpeg);
        var body = new { form_data = new[] { image }, schema_name = Licence, org_id = org.Id };

        await (await app.PostJsonAsync("/extract_verify/v1/extract", body, org.Admin.Bearer)).AssertOkAsync();
        await (await app.PostJsonAsync("/extract_verify/v1/extract", body, member.Bearer)).AssertOkAsync();
        await (await app.PostJsonAsync("/extract_verify/v1/extract", body, otherAdmin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.PostJsonAsync("/extract_verify/v1/extract", body, stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.PostJsonAsync("/extract_verify/v1/extract", body)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");

        Assert.Equal(100m - 8m, await app.CreditsAsync(org));
    }

    /// <summary>A catalogue pricing the checks, set as the meter's (this host's own options).</summary>
    private async Task CatalogueAsync()
    {
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.DocumentVerifySign, Price), ("default", MeteredChecks.DocumentExtract, ExtractPrice));
        app.Services.GetRequiredService<IOptions<MeteringOptions>>().Value.CatalogueOrganizationId = catalogue.Id;
    }

    /// <summary>An organisation with a card that bought a 100-credit bundle.</summary>
    private async Task<TestOrg> CreditedOrgAsync()
    {
        await CatalogueAsync();
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits100, 1));
        Assert.Equal(100m, await app.CreditsAsync(org));
        return org;
    }

    private async Task<JsonObject> DocumentAsync(string licenceNumber, TestOrg? org)
    {
        var signed = await app.SignedExtractionAsync(Licence, new { licence_number = licenceNumber, licence_version = "101", last_name = "Ngata" });
        if (org is not null)
        {
            signed["org_id"] = org.Id.ToString();
        }
        return signed;
    }
}
