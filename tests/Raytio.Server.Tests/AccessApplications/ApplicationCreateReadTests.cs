using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.AccessApplications;

/// <summary>Operations 70, 69 and 72: creating an application and reading it back.</summary>
public sealed class ApplicationCreateReadTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Created_application_answers_the_reference_shape_and_the_secret_only_once()
    {
        var owner = await GraphUser.CreateAsync(app);
        var answer = await (await app.PostJsonAsync("/share/v1/access_applications", AppClient.Body(generateSecret: true), owner.Bearer)).AssertOkAsync();

        Assert.Equal("My app", answer.GetProperty("name").GetString());
        Assert.Equal([AppClient.Scope], answer.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Processing", answer.GetProperty("transitions")[0].GetProperty("next_states").GetProperty("state").GetString());
        Assert.Equal("""{"colors":{"sirPinklyText":"#ae6ac3","blank":"white"}}""", answer.GetProperty("theme").GetRawText());
        Assert.Equal(["loans", "default"], answer.GetProperty("tags").EnumerateArray().Select(s => s.GetString()));
        Assert.Matches("^[a-z0-9]{28}$", answer.GetProperty("key").GetString());
        var secret = answer.GetProperty("secret").GetString()!;
        Assert.Equal(43, secret.Length);

        var id = answer.GetProperty("a_id").GetGuid();
        var read = await (await app.GetAsync($"/share/v1/access_applications/{id}", owner.Bearer)).AssertOkAsync();
        Assert.False(read.TryGetProperty("secret", out _));
        Assert.Equal(answer.GetProperty("key").GetString(), read.GetProperty("key").GetString());
        var stored = await app.WithDbAsync(db => db.AccessApplications.SingleAsync(a => a.Id == id));
        Assert.Equal(ClientSecrets.Hash(secret), stored.ClientSecretHash);
        Assert.DoesNotContain(secret, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_transitions_the_default_machine_is_stored_and_without_generate_secret_there_is_no_key()
    {
        var owner = await GraphUser.CreateAsync(app);
        var answer = await (await app.PostJsonAsync("/share/v1/access_applications",
            new { name = "Plain", scopes = new[] { AppClient.Scope }, callback_uri = new[] { "http://127.0.0.1:8080/cb" } }, owner.Bearer)).AssertOkAsync();

        Assert.Empty(answer.GetProperty("transitions").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("key").ValueKind);
        Assert.False(answer.TryGetProperty("secret", out _));
        Assert.Equal(owner.Id, answer.GetProperty("owner").GetGuid());
    }

    [Fact]
    public async Task Any_signed_in_person_reads_the_public_description_only()
    {
        var created = await app.CreateAppAsync(generateSecret: true);
        var stranger = await GraphUser.CreateAsync(app);

        var read = JsonNode.Parse((await (await app.GetAsync(created.Path, stranger.Bearer)).AssertOkAsync()).GetRawText())!.AsObject();

        Assert.Equal(["a_id", "name", "description", "scopes", "picture", "theme"], read.Select(p => p.Key));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync(created.Path)).StatusCode);
    }

    [Fact]
    public async Task List_holds_the_callers_applications_and_those_shared_through_an_organisation()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var own = await app.CreateAppAsync(member);
        var orgApp = await app.CreateAppAsync(org.Admin, orgId: org.Id);
        var otherAdmin = await app.NewMemberAsync(org, OrganizationRole.Admin);

        var memberList = await (await app.GetAsync("/share/v1/access_applications", member.Bearer)).AssertOkAsync();
        var adminList = await (await app.GetAsync("/share/v1/access_applications", otherAdmin.Bearer)).AssertOkAsync();

        Assert.Equal([own.Id], memberList.EnumerateArray().Select(a => a.GetProperty("a_id").GetGuid()));
        Assert.Equal([orgApp.Id], adminList.EnumerateArray().Select(a => a.GetProperty("a_id").GetGuid()));
        Assert.Equal(org.Id, adminList[0].GetProperty("org_id").GetGuid());
    }

    [Fact]
    public async Task Org_id_needs_an_administrator_of_that_organisation()
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var outsider = await GraphUser.CreateAsync(app);

        await (await app.PostJsonAsync("/share/v1/access_applications", AppClient.Body(orgId: org.Id), member.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await app.PostJsonAsync("/share/v1/access_applications", AppClient.Body(orgId: org.Id), outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
        await (await app.PostJsonAsync("/share/v1/access_applications", AppClient.Body(orgId: Guid.NewGuid()), outsider.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "organization_not_found");
    }

    [Theory]
    [InlineData("""{"scopes":["profile-oauth/read_profile"],"callback_uri":["https://a.example/"]}""", "name")]
    [InlineData("""{"name":"x","callback_uri":["https://a.example/"]}""", "scopes")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/nothing"],"callback_uri":["https://a.example/"]}""", "scopes[0]")]
    [InlineData("""{"name":"x","scopes":["nothing"],"callback_uri":["https://a.example/"]}""", "scopes[0]")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"]}""", "callback_uri")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"],"callback_uri":[]}""", "callback_uri")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"],"callback_uri":["http://example.com/cb"]}""", "callback_uri[0]")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"],"callback_uri":["javascript:alert(1)"]}""", "callback_uri[0]")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"],"callback_uri":["https://a.example/"],"logout_uri":"ftp://a.example/"}""", "logout_uri")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"],"callback_uri":["https://a.example/"],"theme":"dark"}""", "theme")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"],"callback_uri":["https://a.example/"],"tags":[1]}""", "tags[0]")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"],"callback_uri":["https://a.example/"],"generate_secret":"yes"}""", "generate_secret")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"],"callback_uri":["https://a.example/"],"org_id":"nope"}""", "org_id")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"],"callback_uri":["https://a.example/"],"transitions":[{"state":"A","next_states":{"state":"B"}},{"state":"A","next_states":{"state":"B"}}]}""", "transitions[1]")]
    [InlineData("""{"name":"x","scopes":["profile-oauth/read_profile"],"callback_uri":["https://a.example/"],"transitions":[{"state":"A","next_states":{"state":"B"}},{"state":"C","next_states":{"state":"D"}}]}""", "transitions")]
    public async Task Bad_bodies_answer_400_naming_the_field(string json, string field)
    {
        var owner = await GraphUser.CreateAsync(app);
        await (await app.CreateAppRawAsync(json, owner.Bearer)).AssertInvalidAsync(field);
        Assert.False(await app.WithDbAsync(db => db.AccessApplications.AnyAsync(a => a.OwnerId == owner.Id)));
    }

    [Fact]
    public async Task A_body_that_is_not_an_object_answers_400()
    {
        var owner = await GraphUser.CreateAsync(app);
        await (await app.CreateAppRawAsync("[]", owner.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
    }

    [Fact]
    public async Task Unknown_malformed_and_deleted_ids_answer_alike()
    {
        var created = await app.CreateAppAsync();
        var unknown = await app.GetAsync($"/share/v1/access_applications/{Guid.NewGuid()}", created.Owner.Bearer);
        await unknown.AssertAppNotFoundAsync();
        await (await app.GetAsync("/share/v1/access_applications/nope", created.Owner.Bearer)).AssertInvalidAsync("a_id");
        await (await app.SendAsync(HttpMethod.Delete, created.Path, null, created.Owner.Bearer)).AssertOkAsync();
        await (await app.GetAsync(created.Path, created.Owner.Bearer)).AssertAppNotFoundAsync();
    }
}
