using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Domains;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Organizations;

/// <summary>Operations 16 and 17 and the public read: storing, replacing and reading a domain's settings.</summary>
public sealed class DomainSettingsTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Set_answers_the_stored_settings_and_every_read_answers_the_same()
    {
        var org = await app.CreateOrgAsync();
        var domain = DomainClient.NewDomain();
        var set = await (await app.SetDomainAsync(org, domain, org.Admin.Bearer)).AssertOkAsync();

        Assert.Equal("""{"name":"Acme","theme":{"palette":{"primary":"#123456"},"font":"Inter"},"logo":{"light":"https://cdn.example.com/light.png","dark":null}}""", set.GetRawText());
        var read = await (await app.GetAsync(org.DomainPath(domain), org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(set.GetRawText(), read.GetRawText());
        var open = await (await app.PublicDomainAsync(domain)).AssertOkAsync();
        Assert.Equal(set.GetRawText(), open.GetRawText());
    }

    [Fact]
    public async Task Set_replaces_the_settings_whole_and_audits_each_change()
    {
        var org = await app.CreateOrgAsync();
        var domain = DomainClient.NewDomain();
        await (await app.SetDomainAsync(org, domain, org.Admin.Bearer)).AssertOkAsync();
        var replaced = await (await app.SendJsonTextAsync(HttpMethod.Post, org.DomainPath(domain), """{"theme":{"dark":true}}""", org.Admin.Bearer)).AssertOkAsync();

        Assert.Equal($$$"""{"name":"{{{domain}}}","theme":{"dark":true},"logo":{}}""", replaced.GetRawText());
        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == org.Id && e.EventType == AuditEventTypes.DomainSet).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(org.Admin.Id, e.UserId));
        Assert.Contains(domain, events[0].EventJson, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.WhiteLabelDomains.CountAsync(d => d.Domain == domain)));
    }

    [Fact]
    public async Task Domain_names_are_stored_lower_case_without_the_trailing_dot()
    {
        var org = await app.CreateOrgAsync();
        var domain = DomainClient.NewDomain();
        await (await app.SetDomainAsync(org, domain.ToUpperInvariant() + ".", org.Admin.Bearer)).AssertOkAsync();

        Assert.True(await app.WithDbAsync(db => db.WhiteLabelDomains.AnyAsync(d => d.Domain == domain && d.OrganizationId == org.Id)));
        await (await app.GetAsync(org.DomainPath(domain), org.Admin.Bearer)).AssertOkAsync();
        await (await app.PublicDomainAsync(domain.ToUpperInvariant())).AssertOkAsync();
    }

    [Fact]
    public async Task A_domain_of_another_organisation_is_409_and_stays_its_owners()
    {
        var first = await app.CreateOrgAsync();
        var second = await app.CreateOrgAsync();
        var domain = DomainClient.NewDomain();
        await (await app.SetDomainAsync(first, domain, first.Admin.Bearer, DomainClient.Settings("First"))).AssertOkAsync();

        await (await app.SetDomainAsync(second, domain, second.Admin.Bearer, DomainClient.Settings("Second"))).AssertErrorAsync(HttpStatusCode.Conflict, "domain_taken");
        var open = await (await app.PublicDomainAsync(domain)).AssertOkAsync();
        Assert.Equal("First", open.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Two_organisations_racing_for_one_domain_leave_one_owner_and_one_409()
    {
        var orgs = await Task.WhenAll(app.CreateOrgAsync(), app.CreateOrgAsync(), app.CreateOrgAsync());
        var domain = DomainClient.NewDomain();
        var answers = await Task.WhenAll(orgs.Select(org => app.SetDomainAsync(org, domain, org.Admin.Bearer)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        foreach (var lost in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await lost.AssertErrorAsync(HttpStatusCode.Conflict, "domain_taken");
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.WhiteLabelDomains.CountAsync(d => d.Domain == domain)));
    }

    [Fact]
    public async Task Public_read_answers_name_theme_and_logo_only_and_404_for_an_unknown_domain()
    {
        var org = await app.CreateOrgAsync();
        var domain = DomainClient.NewDomain();
        await (await app.SetDomainAsync(org, domain, org.Admin.Bearer)).AssertOkAsync();

        var open = await (await app.PublicDomainAsync(domain)).AssertOkAsync();
        Assert.Equal(["name", "theme", "logo"], open.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(org.Id.ToString(), open.GetRawText(), StringComparison.OrdinalIgnoreCase);
        await (await app.PublicDomainAsync(DomainClient.NewDomain())).AssertErrorAsync(HttpStatusCode.NotFound, "domain_not_found");
        await (await app.PublicDomainAsync("localhost")).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

}
