using System.Net;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.Schemas;

namespace Raytio.Server.Tests.AccessApplications;

/// <summary>Operations 86-88: resource servers and their scopes, which applications name.</summary>
public sealed class ScopeTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task The_starter_scope_is_listed_and_readable_by_anyone_signed_in()
    {
        var user = await GraphUser.CreateAsync(app);
        var scopes = await (await app.GetAsync("/share/v1/scopes?resource_server_id=profile-oauth", user.Bearer)).AssertOkAsync();
        Assert.Equal("read_profile", scopes.GetProperty("scopes")[0].GetProperty("scope_name").GetString());
        var byName = await (await app.GetAsync("/share/v1/scopes?resource_server_name=Profile", user.Bearer)).AssertOkAsync();
        Assert.Equal("profile-oauth", byName.GetProperty("resource_server_id").GetString());
        var servers = await (await app.GetAsync("/share/v1/resource_servers", user.Bearer)).AssertOkAsync();
        Assert.Contains(servers.GetProperty("servers").EnumerateArray(), s => s.GetProperty("resource_server_id").GetString() == "profile-oauth");
        await (await app.GetAsync("/share/v1/scopes?resource_server_id=nothing", user.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "resource_server_not_found");
        await (await app.GetAsync("/share/v1/scopes", user.Bearer)).AssertInvalidAsync("resource_server_id");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/share/v1/resource_servers")).StatusCode);
    }

    [Fact]
    public async Task Administrators_set_a_servers_scopes_and_applications_may_then_name_them()
    {
        var admin = await app.CreateAdministratorAsync();
        var id = $"srv-{Guid.NewGuid():N}"[..20];
        var body = new { scopes = new[] { new { scope_name = "cats", scope_description = "cats" } }, resource_server_name = "System schema", resource_server_id = id };
        var set = await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/scopes", OrgSeed.Json(body), admin.IdentityToken)).AssertOkAsync();
        Assert.Equal(OrgSeed.Json(body), set.GetRawText());

        var owner = await GraphUser.CreateAsync(app);
        var created = new { name = "Cats", scopes = new[] { $"{id}/cats" }, callback_uri = new[] { "https://a.example/" } };
        await (await app.PostJsonAsync("/share/v1/access_applications", created, owner.Bearer)).AssertOkAsync();

        // Replacing the list drops the scopes not given: a new application may no longer name them.
        var replaced = new { scopes = new[] { new { scope_name = "dogs", scope_description = "dogs" } }, resource_server_name = "Renamed", resource_server_id = id };
        await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/scopes", OrgSeed.Json(replaced), admin.IdentityToken)).AssertOkAsync();
        var read = await (await app.GetAsync($"/share/v1/scopes?resource_server_id={id}", owner.Bearer)).AssertOkAsync();
        Assert.Equal(OrgSeed.Json(replaced), read.GetRawText());
        await (await app.PostJsonAsync("/share/v1/access_applications", created, owner.Bearer)).AssertInvalidAsync("scopes[0]");
    }

    [Fact]
    public async Task Only_installation_administrators_set_scopes_and_bad_bodies_answer_400()
    {
        var user = await GraphUser.CreateAsync(app);
        var body = new { scopes = new[] { new { scope_name = "x", scope_description = "x" } }, resource_server_name = "X", resource_server_id = "profile-oauth" };
        await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/scopes", OrgSeed.Json(body), user.Bearer)).AssertErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var admin = await app.CreateAdministratorAsync();
        await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/scopes", """{"resource_server_name":"X","scopes":[]}""", admin.IdentityToken)).AssertInvalidAsync("resource_server_id");
        await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/scopes", """{"resource_server_id":"a b","resource_server_name":"X","scopes":[]}""", admin.IdentityToken)).AssertInvalidAsync("resource_server_id");
        await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/scopes", """{"resource_server_id":"ab","resource_server_name":"X","scopes":[{"scope_name":"a"},{"scope_name":"a"}]}""", admin.IdentityToken)).AssertInvalidAsync("scopes[1].scope_name");
        await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/scopes", """{"resource_server_id":"ab","resource_server_name":"X"}""", admin.IdentityToken)).AssertInvalidAsync("scopes");
        var still = await (await app.GetAsync("/share/v1/scopes?resource_server_id=profile-oauth", user.Bearer)).AssertOkAsync();
        Assert.Equal("Profile", still.GetProperty("resource_server_name").GetString());
    }
}
