using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Domains;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>
/// Who may read (16) and set (17) a domain: administrators set, members read, everyone else gets
/// the answer of an unknown organisation, and another organisation's domain reads like an unknown one.
/// </summary>
public sealed class DomainAuthorizationTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Administrators_and_members_read_the_settings()
    {
        var (org, domain) = await BrandedOrgAsync();
        var member = await app.NewMemberAsync(org);
        var secondAdmin = await app.NewMemberAsync(org, OrganizationRole.Admin);

        foreach (var reader in new[] { org.Admin, member, secondAdmin })
        {
            await (await app.GetAsync(org.DomainPath(domain), reader.Bearer)).AssertOkAsync();
        }
    }

    [Fact]
    public async Task Outsiders_get_the_answer_of_an_unknown_organisation()
    {
        var (org, domain) = await BrandedOrgAsync();
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var unrelated = await GraphUser.CreateAsync(app);
        var unknownOrg = new Org(Guid.NewGuid(), org.Admin);

        foreach (var outsider in new[] { otherAdmin, unrelated })
        {
            var unknown = await (await app.GetAsync(unknownOrg.DomainPath(domain), outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            var read = await (await app.GetAsync(org.DomainPath(domain), outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            var set = await (await app.SetDomainAsync(org, domain, outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            Assert.Equal(unknown.GetRawText(), read.GetRawText());
            Assert.Equal(unknown.GetRawText(), set.GetRawText());
        }
    }

    [Fact]
    public async Task Another_organisations_domain_reads_like_an_unknown_domain()
    {
        var (owner, domain) = await BrandedOrgAsync();
        var other = await app.CreateOrgAsync();

        var taken = await (await app.GetAsync(other.DomainPath(domain), other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");
        var unknown = await (await app.GetAsync(other.DomainPath(DomainClient.NewDomain()), other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");
        Assert.Equal(unknown.GetRawText(), taken.GetRawText());
        await (await app.GetAsync(owner.DomainPath(domain), owner.Admin.Bearer)).AssertOkAsync();
    }

    [Fact]
    public async Task Members_may_not_set_a_domain()
    {
        var (org, domain) = await BrandedOrgAsync();
        var member = await app.NewMemberAsync(org);
        var fresh = DomainClient.NewDomain();

        await (await app.SetDomainAsync(org, domain, member.Bearer, DomainClient.Settings("Member's"))).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.SetDomainAsync(org, fresh, member.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Acme", (await (await app.PublicDomainAsync(domain)).AssertOkAsync()).GetProperty("name").GetString());
        Assert.False(await app.WithDbAsync(db => db.WhiteLabelDomains.AnyAsync(d => d.Domain == fresh)));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_16_and_17_and_read_the_public_theme()
    {
        var (org, domain) = await BrandedOrgAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(org.DomainPath(domain))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SetDomainAsync(org, domain, null)).StatusCode);
        await (await app.PublicDomainAsync(domain)).AssertOkAsync();
    }

    [Fact]
    public async Task A_malformed_org_id_is_400_naming_it()
    {
        var (org, domain) = await BrandedOrgAsync();
        var malformed = new Org(Guid.Empty, org.Admin);
        var path = malformed.DomainPath(domain).Replace(Guid.Empty.ToString(), "not-a-guid", StringComparison.Ordinal);

        var read = await (await app.GetAsync(path, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(read.GetProperty("errors").TryGetProperty(OrganizationAccess.RouteField, out _));
        await (await app.PostJsonAsync(path, DomainClient.Settings(), org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private async Task<(Org Org, string Domain)> BrandedOrgAsync()
    {
        var org = await app.CreateOrgAsync();
        var domain = DomainClient.NewDomain();
        await (await app.SetDomainAsync(org, domain, org.Admin.Bearer)).AssertOkAsync();
        return (org, domain);
    }
}
