using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.AccessApplications;

/// <summary>PATCH and DELETE of an application, and operation 71 (a user's applications as an administrator sees them).</summary>
public sealed class ApplicationChangeTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Patch_changes_only_the_fields_given_and_null_clears_optional_ones()
    {
        var application = await app.CreateAppAsync();
        var changed = await (await app.SendJsonTextAsync(HttpMethod.Patch, application.Path,
            """{"name":"Renamed","description":null,"tags":["x"],"transitions":[{"state":"New","next_states":[{"state":"Done"},{"state":"Lost"}]}]}""",
            application.Owner.Bearer)).AssertOkAsync();

        Assert.Equal("Renamed", changed.GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, changed.GetProperty("description").ValueKind);
        Assert.Equal(["x"], changed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(2, changed.GetProperty("transitions").GetArrayLength());
        Assert.Equal("string", changed.GetProperty("picture").GetString());
        Assert.Equal("white", changed.GetProperty("theme").GetProperty("colors").GetProperty("blank").GetString());
        Assert.False(changed.TryGetProperty("secret", out _));
        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.SubjectId == application.Id).Select(e => e.EventType).ToListAsync());
        Assert.Equal([AuditEventTypes.AccessApplicationCreate, AuditEventTypes.AccessApplicationUpdate], events);
    }

    [Fact]
    public async Task Patch_refuses_bad_fields_and_an_org_id_and_hides_from_strangers()
    {
        var application = await app.CreateAppAsync();
        var stranger = await GraphUser.CreateAsync(app);
        await (await app.SendJsonTextAsync(HttpMethod.Patch, application.Path, """{"org_id":"00000000-0000-0000-0000-000000000001"}""", application.Owner.Bearer)).AssertInvalidAsync("org_id");
        await (await app.SendJsonTextAsync(HttpMethod.Patch, application.Path, """{"callback_uri":["http://a.example/"]}""", application.Owner.Bearer)).AssertInvalidAsync("callback_uri[0]");
        await (await app.SendJsonTextAsync(HttpMethod.Patch, application.Path, """{"transitions":{}}""", application.Owner.Bearer)).AssertInvalidAsync("transitions");
        await (await app.SendJsonTextAsync(HttpMethod.Patch, application.Path, """{"name":"mine"}""", stranger.Bearer)).AssertAppNotFoundAsync();
        var read = await (await app.GetAsync(application.Path, application.Owner.Bearer)).AssertOkAsync();
        Assert.Equal("My app", read.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Delete_is_for_the_owner_or_the_organisations_administrators()
    {
        var org = await app.CreateOrgAsync();
        var application = await app.CreateAppAsync(org.Admin, orgId: org.Id);
        var otherAdmin = await app.NewMemberAsync(org, OrganizationRole.Admin);
        var member = await app.NewMemberAsync(org);

        await (await app.SendAsync(HttpMethod.Delete, application.Path, null, member.Bearer)).AssertAppNotFoundAsync();
        await (await app.SendAsync(HttpMethod.Delete, application.Path, null, otherAdmin.Bearer)).AssertOkAsync();
        await (await app.GetAsync("/share/v1/access_applications", org.Admin.Bearer)).AssertOkAsync();
        var list = await (await app.GetAsync("/share/v1/access_applications", org.Admin.Bearer)).AssertOkAsync();
        Assert.Empty(list.EnumerateArray());
        await (await app.SendAsync(HttpMethod.Delete, application.Path, null, org.Admin.Bearer)).AssertAppNotFoundAsync();
    }

    [Fact]
    public async Task Per_user_list_is_the_users_own_or_only_the_applications_of_organisations_the_caller_administers()
    {
        var org = await app.CreateOrgAsync();
        var other = await app.CreateOrgAsync();
        var user = await app.NewMemberAsync(org);
        await app.AddMemberAsync(other, user.Id, OrganizationRole.Admin);
        var inOrg = await app.CreateAppAsync(org.Admin, orgId: org.Id);
        var inOther = await app.CreateAppAsync(user, orgId: other.Id);
        var personal = await app.CreateAppAsync(user);

        var own = await (await app.GetAsync($"/share/v1/users/{user.Id}/access_applications", user.Bearer)).AssertOkAsync();
        Assert.Equal([inOther.Id, personal.Id], own.EnumerateArray().Select(a => a.GetProperty("a_id").GetGuid()));

        // The administrator of `org` sees none of the user's applications elsewhere.
        var seen = await (await app.GetAsync($"/share/v1/users/{user.Id}/access_applications", org.Admin.Bearer)).AssertOkAsync();
        Assert.Empty(seen.EnumerateArray());
        var byOther = await (await app.GetAsync($"/share/v1/users/{user.Id}/access_applications", other.Admin.Bearer)).AssertOkAsync();
        Assert.Equal([inOther.Id], byOther.EnumerateArray().Select(a => a.GetProperty("a_id").GetGuid()));

        var member = await app.NewMemberAsync(org);
        var stranger = await GraphUser.CreateAsync(app);
        await (await app.GetAsync($"/share/v1/users/{user.Id}/access_applications", member.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "user_not_found");
        var hidden = await app.GetAsync($"/share/v1/users/{user.Id}/access_applications", stranger.Bearer);
        var unknown = await app.GetAsync($"/share/v1/users/{Guid.NewGuid()}/access_applications", stranger.Bearer);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await hidden.Content.ReadAsStringAsync());
        Assert.Equal(inOrg.Id, (await (await app.GetAsync(inOrg.Path, org.Admin.Bearer)).AssertOkAsync()).GetProperty("a_id").GetGuid());
    }
}
