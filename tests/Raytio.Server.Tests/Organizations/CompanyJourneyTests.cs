using System.Net;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Links;

namespace Raytio.Server.Tests.Organizations;

/// <summary>
/// The "done when", in one sequence through the API only: a company signs up, creates
/// its organisation, brands a domain, invites a new colleague who signs up with the code, later
/// removes them, makes a short link that redirects, and sends, resends, lists and deletes an
/// application request.
/// </summary>
public sealed class CompanyJourneyTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_company_goes_from_signup_to_staff_links_and_requests()
    {
        var founder = await GraphUser.CreateAsync(app);
        var org = await app.CreateOrgAsync(founder, "Acme Verification Ltd");

        var domain = DomainClient.NewDomain();
        await (await app.SetDomainAsync(org, domain, founder.Bearer)).AssertOkAsync();
        var theme = await (await app.PublicDomainAsync(domain)).AssertOkAsync();
        Assert.Equal("Acme", theme.GetProperty("name").GetString());

        var colleagueEmail = RaytioFactory.NewEmail();
        var (_, code) = await app.InvitedAsync(org, colleagueEmail);
        await (await app.PostJsonAsync("/oauth/v1/signup", new { username = colleagueEmail, password = "a long passphrase", verification_code_org = code })).AssertOkAsync();
        await (await app.PostJsonAsync("/oauth/v1/verify", new { username = colleagueEmail, verification_code = await app.LatestCodeAsync(colleagueEmail) })).AssertOkAsync();
        var tokens = await app.LoginAsync(colleagueEmail, "a long passphrase");
        var colleague = new GraphUser(Guid.Parse(TokenForge.SubjectOf(tokens.IdentityToken)), tokens.IdentityToken);

        var members = await (await app.GetAsync($"{org.Path}/users", colleague.Bearer)).AssertOkAsync();
        Assert.Equal([founder.Id, colleague.Id], members.EnumerateArray().Select(m => Guid.Parse(m.GetProperty("Username").GetString()!)));

        var request = await app.CreateRequestAsync(org, colleague.Bearer);
        var shortCode = request.ShortCode();
        await (await app.PatchRequestAsync(org, shortCode, new { state = "resend" }, colleague.Bearer)).AssertOkAsync();
        var listed = await (await app.GetAsync(org.RequestsPath(), founder.Bearer)).AssertOkAsync();
        Assert.Equal(shortCode, Assert.Single(listed.EnumerateArray()).ShortCode());
        await (await app.PatchRequestAsync(org, shortCode, new { state = "deleted" }, founder.Bearer)).AssertOkAsync();
        Assert.Empty((await (await app.GetAsync(org.RequestsPath(), founder.Bearer)).AssertOkAsync()).EnumerateArray());

        var link = await (await app.PostJsonAsync($"{org.Path}/links", new { url = "https://example.com/form?x=1", description = "Onboarding" }, colleague.Bearer)).AssertOkAsync();
        var shortLinkId = Assert.Single(link.GetProperty("links").EnumerateArray()).GetProperty("short_link_id").GetString();
        var redirect = await app.FollowOnceAsync($"/l/{shortLinkId}");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("https://example.com/form?x=1", redirect.Headers.Location?.ToString());

        await (await app.SendAsync(HttpMethod.Delete, $"{org.Path}/users/{colleague.Id}", null, founder.Bearer)).AssertOkAsync();
        await (await app.GetAsync(org.Path, colleague.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
    }
}
