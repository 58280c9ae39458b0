using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Links;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.Links;

/// <summary>Operation 31: an organisation's kept links, listed on it (31 and 11), and who may add one.</summary>
public sealed class OrganizationLinkTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task The_answer_is_the_organisation_with_every_link_oldest_first()
    {
        var org = await app.CreateOrgAsync();
        await (await app.PostJsonAsync($"{org.Path}/links", new { url = "https://example.com/first", description = "Form to collect address" }, org.Admin.Bearer)).AssertOkAsync();
        var answer = await (await app.PostJsonAsync($"{org.Path}/links", new { url = "https://example.com/second" }, org.Admin.Bearer)).AssertOkAsync();

        Assert.Equal(org.Id, answer.GetProperty("org_id").GetGuid());
        Assert.Equal("Test Organization 5", answer.GetProperty("name").GetString());
        var links = answer.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal(2, links.Count);
        Assert.Equal(["short_link_id", "url", "description"], links[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("https://example.com/first", links[0].GetProperty("url").GetString());
        Assert.Equal("Form to collect address", links[0].GetProperty("description").GetString());
        Assert.Equal("https://example.com/second", links[1].GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, links[1].GetProperty("description").ValueKind);

        var read = await (await app.GetAsync(org.Path, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(answer.GetProperty("links").GetRawText(), read.GetProperty("links").GetRawText());

        var id = links[0].GetProperty("short_link_id").GetString()!;
        var link = await (await app.GetAsync($"/org/v1/links/{id}")).AssertOkAsync();
        Assert.True(link.GetProperty("persist").GetBoolean());
        Assert.Equal("https://example.com/first", (await app.FollowOnceAsync($"/l/{id}")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Organisation_links_do_not_expire()
    {
        var org = await app.CreateOrgAsync();
        var answer = await (await app.PostJsonAsync($"{org.Path}/links", new { url = "https://example.com/kept" }, org.Admin.Bearer)).AssertOkAsync();
        var id = answer.GetProperty("links")[0].GetProperty("short_link_id").GetString()!;

        app.Time.Advance(TimeSpan.FromDays(400));
        Assert.Equal(HttpStatusCode.Redirect, (await app.FollowOnceAsync($"/l/{id}")).StatusCode);
    }

    [Fact]
    public async Task Creating_is_recorded_on_the_organisation()
    {
        var org = await app.CreateOrgAsync();
        var answer = await (await app.PostJsonAsync($"{org.Path}/links", new { url = "https://example.com/private-path" }, org.Admin.Bearer)).AssertOkAsync();

        var audit = Assert.Single(await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == org.Id && e.EventType == AuditEventTypes.LinkCreate).ToListAsync()));
        Assert.Equal(org.Admin.Id, audit.UserId);
        Assert.Equal(answer.GetProperty("links")[0].GetProperty("short_link_id").GetString(), JsonDocument.Parse(audit.EventJson).RootElement.GetProperty("short_link_id").GetString());
        Assert.DoesNotContain("private-path", audit.EventJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_and_members_add_links_others_get_the_404_of_an_unknown_organisation()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var secondAdmin = await app.NewMemberAsync(org, OrganizationRole.Admin);
        var otherAdmin = (await app.CreateOrgAsync()).Admin;
        var unrelated = await GraphUser.CreateAsync(app);
        var body = new { url = "https://example.com/" };

        await (await app.PostJsonAsync($"{org.Path}/links", body, org.Admin.Bearer)).AssertOkAsync();
        await (await app.PostJsonAsync($"{org.Path}/links", body, secondAdmin.Bearer)).AssertOkAsync();
        var byMember = await (await app.PostJsonAsync($"{org.Path}/links", body, member.Bearer)).AssertOkAsync();
        Assert.Equal(3, byMember.GetProperty("links").GetArrayLength());

        var unknown = await app.PostJsonAsync($"/org/v1/organizations/{Guid.NewGuid()}/links", body, unrelated.Bearer);
        var unknownBody = (await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found")).GetRawText();
        foreach (var outsider in new[] { otherAdmin, unrelated })
        {
            var denied = await (await app.PostJsonAsync($"{org.Path}/links", body, outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
            Assert.Equal(unknownBody, denied.GetRawText());
        }
        await (await app.PostJsonAsync($"{org.Path}/links", body)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(3, await app.WithDbAsync(db => db.ShortLinks.CountAsync(l => l.OrganizationId == org.Id)));
    }

    [Fact]
    public async Task The_url_may_be_as_long_as_a_persisted_one_and_the_description_1000_characters()
    {
        var org = await app.CreateOrgAsync();
        var longUrl = "https://example.com/" + new string('a', 4000);
        var answer = await (await app.PostJsonAsync($"{org.Path}/links", new { url = longUrl, description = new string('d', 1000) }, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(longUrl, answer.GetProperty("links")[0].GetProperty("url").GetString());

        var error = await (await app.PostJsonAsync($"{org.Path}/links", new { url = "https://example.com/", description = new string('d', 1001) }, org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains("at most 1000 characters", error.GetProperty("errors").GetProperty("description")[0].GetString());
        var tooLong = await (await app.PostJsonAsync($"{org.Path}/links", new { url = "https://example.com/" + new string('a', 32_768) }, org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("url", out _));
    }

    [Theory]
    [InlineData("""{"description":"no url"}""", "url")]
    [InlineData("""{"url":"javascript:alert(1)"}""", "url")]
    [InlineData("""{"url":"https://example.com/","description":7}""", "description")]
    public async Task Invalid_bodies_answer_400_naming_the_field(string body, string field)
    {
        var org = await app.CreateOrgAsync();
        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, $"{org.Path}/links", body, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_malformed_org_id_answers_400_naming_it()
    {
        var user = await GraphUser.CreateAsync(app);
        var error = await (await app.PostJsonAsync("/org/v1/organizations/not-a-guid/links", new { url = "https://example.com/" }, user.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty("orgID", out _));
    }
}
