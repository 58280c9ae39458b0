using System.Text;
using Raytio.Server.Tests.AccessApplications;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;
using Raytio.Server.Tests.Schemas;

namespace Raytio.Server.Tests.OpenApi;

/// <summary>Drives every outcome of the access-application, key, user-key and scope operations (69-72, 75-82, 86-88 and additions) for <see cref="DeclaredStatusTests"/>.</summary>
internal static class AccessApplicationStatusDrives
{
    public static async Task DriveAccessApplicationsAsync(this RaytioFactory app, string tooLarge)
    {
        var org = await app.CreateOrgAsync();
        var member = await app.NewMemberAsync(org);
        var stranger = await GraphUser.CreateAsync(app);
        var applications = "/share/v1/access_applications";

        // 70, 69, 71, 72
        var application = await app.CreateAppAsync(org.Admin, orgId: org.Id);
        await app.PostJsonAsync(applications, AppClient.Body(orgId: org.Id), member.Bearer);
        await app.PostJsonAsync(applications, AppClient.Body(orgId: org.Id), stranger.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Post, applications, "{}", member.Bearer);
        await app.GetAsync(applications, member.Bearer);
        await app.GetAsync($"/share/v1/users/{member.Id}/access_applications", org.Admin.Bearer);
        await app.GetAsync($"/share/v1/users/{org.Admin.Id}/access_applications", stranger.Bearer);
        await app.GetAsync("/share/v1/users/nope/access_applications", stranger.Bearer);
        await app.GetAsync(application.Path, stranger.Bearer);
        await app.GetAsync($"{applications}/nope", stranger.Bearer);
        await app.GetAsync($"{applications}/{Guid.NewGuid()}", stranger.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Patch, application.Path, """{"name":"Renamed"}""", org.Admin.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Patch, application.Path, """{"name":7}""", org.Admin.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Patch, application.Path, """{"name":"x"}""", stranger.Bearer);

        // 75-82
        var key = await (await app.PostJsonAsync($"{application.Path}/public_key", new { key = TestKeys.Jwk() }, org.Admin.Bearer)).AssertOkAsync();
        var nId = key.GetProperty("n_id").GetGuid();
        var publicKey = $"/share/v1/public_keys/{nId}";
        await app.PostJsonAsync($"{application.Path}/public_key", new { key = new { kty = "EC" } }, org.Admin.Bearer);
        await app.PostJsonAsync($"{application.Path}/public_key", new { key = TestKeys.Jwk() }, stranger.Bearer);
        await app.GetAsync($"{application.Path}/public_key", stranger.Bearer);
        await app.GetAsync($"{applications}/nope/public_key", stranger.Bearer);
        await app.GetAsync($"{applications}/{Guid.NewGuid()}/public_key", stranger.Bearer);
        await app.GetAsync($"{application.Path}/public_keys", org.Admin.Bearer);
        await app.GetAsync($"{application.Path}/public_keys", stranger.Bearer);
        await app.GetAsync($"{applications}/nope/public_keys", stranger.Bearer);
        foreach (var path in new[] { publicKey, $"{publicKey}/users", $"{publicKey}/private_key" })
        {
            await app.GetAsync(path, stranger.Bearer);
            await app.GetAsync(path.Replace(nId.ToString(), "nope", StringComparison.Ordinal), stranger.Bearer);
        }
        await app.GetAsync(publicKey, org.Admin.Bearer);
        await app.GetAsync($"{publicKey}/users", org.Admin.Bearer);
        await app.PostJsonAsync($"{publicKey}/private_key", new { key = TestKeys.Wrapped() }, org.Admin.Bearer);
        await app.PostJsonAsync($"{publicKey}/private_key", new { key = new { } }, org.Admin.Bearer);
        await app.PostJsonAsync($"{publicKey}/private_key", new { key = TestKeys.Wrapped() }, stranger.Bearer);
        await app.GetAsync($"{publicKey}/private_key", org.Admin.Bearer);
        await app.PostJsonAsync($"{publicKey}/private_keys", new { key = TestKeys.Wrapped(), u_id = member.Id }, org.Admin.Bearer);
        await app.PostJsonAsync($"{publicKey}/private_keys", new { key = TestKeys.Wrapped(), u_id = "nope" }, org.Admin.Bearer);
        await app.PostJsonAsync($"{publicKey}/private_keys", new { key = TestKeys.Wrapped(), u_id = stranger.Id }, org.Admin.Bearer);
        var personal = await app.CreateAppAsync(stranger);
        var personalKey = await (await app.PostJsonAsync($"{personal.Path}/public_key", new { key = TestKeys.Jwk() }, stranger.Bearer)).AssertOkAsync();
        await app.PostJsonAsync($"/share/v1/public_keys/{personalKey.GetProperty("n_id").GetGuid()}/private_keys", new { key = TestKeys.Wrapped(), u_id = member.Id }, stranger.Bearer);

        // DELETE: the member was made authorised by 79 but neither owns nor administers it.
        await app.SendAsync(HttpMethod.Delete, application.Path, null, member.Bearer);
        await app.SendAsync(HttpMethod.Delete, $"{applications}/nope", null, member.Bearer);
        await app.SendAsync(HttpMethod.Delete, application.Path, null, org.Admin.Bearer);
        await app.SendAsync(HttpMethod.Delete, application.Path, null, org.Admin.Bearer);

        // User keys
        await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/public_key", OrgSeed.Json(TestKeys.Jwk()), member.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/public_key", "{}", member.Bearer);
        await app.GetAsync($"/share/v1/users/{member.Id}/public_key", stranger.Bearer);
        await app.GetAsync($"/share/v1/users/{stranger.Id}/public_key", member.Bearer);
        await app.GetAsync("/share/v1/users/nope/public_key", member.Bearer);
        await app.GetAsync("/share/v1/users/me/private_key", member.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/private_key", OrgSeed.Json(new { key = TestKeys.Wrapped() }), member.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/private_key", "{}", member.Bearer);
        await app.GetAsync("/share/v1/users/me/private_key", member.Bearer);

        // 86-88
        var administrator = await app.CreateAdministratorAsync();
        var scopes = new { scopes = new[] { new { scope_name = "cats", scope_description = "cats" } }, resource_server_name = "System schema", resource_server_id = "ss" };
        await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/scopes", OrgSeed.Json(scopes), administrator.IdentityToken);
        await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/scopes", OrgSeed.Json(scopes), member.Bearer);
        await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/scopes", "{}", administrator.IdentityToken);
        await app.GetAsync("/share/v1/scopes?resource_server_id=ss", member.Bearer);
        await app.GetAsync("/share/v1/scopes?resource_server_name=Nothing", member.Bearer);
        await app.GetAsync("/share/v1/scopes", member.Bearer);
        await app.GetAsync("/share/v1/resource_servers", member.Bearer);

        // Every operation: another version and anonymous; bodies over the limit and of the wrong media type.
        var any = Guid.NewGuid();
        foreach (var (method, path, hasBody) in new (HttpMethod, string, bool)[]
        {
            (HttpMethod.Get, "/share/{0}/access_applications", false), (HttpMethod.Post, "/share/{0}/access_applications", true),
            (HttpMethod.Get, $"/share/{{0}}/users/{any}/access_applications", false), (HttpMethod.Get, $"/share/{{0}}/access_applications/{any}", false),
            (HttpMethod.Patch, $"/share/{{0}}/access_applications/{any}", true), (HttpMethod.Delete, $"/share/{{0}}/access_applications/{any}", false),
            (HttpMethod.Get, $"/share/{{0}}/access_applications/{any}/public_key", false), (HttpMethod.Post, $"/share/{{0}}/access_applications/{any}/public_key", true),
            (HttpMethod.Get, $"/share/{{0}}/access_applications/{any}/public_keys", false), (HttpMethod.Get, $"/share/{{0}}/public_keys/{any}", false),
            (HttpMethod.Post, $"/share/{{0}}/public_keys/{any}/private_keys", true), (HttpMethod.Get, $"/share/{{0}}/public_keys/{any}/private_key", false),
            (HttpMethod.Post, $"/share/{{0}}/public_keys/{any}/private_key", true), (HttpMethod.Get, $"/share/{{0}}/public_keys/{any}/users", false),
            (HttpMethod.Put, "/share/{0}/users/me/public_key", true), (HttpMethod.Get, $"/share/{{0}}/users/{any}/public_key", false),
            (HttpMethod.Put, "/share/{0}/users/me/private_key", true), (HttpMethod.Get, "/share/{0}/users/me/private_key", false),
            (HttpMethod.Get, "/share/{0}/scopes?resource_server_id=ss", false), (HttpMethod.Put, "/share/{0}/scopes", true),
            (HttpMethod.Get, "/share/{0}/resource_servers", false),
        })
        {
            await app.SendJsonTextAsync(method, string.Format(path, "v2"), "{}", member.Bearer);
            await app.SendJsonTextAsync(method, string.Format(path, "v1"), "{}");
            if (hasBody)
            {
                await app.SendJsonTextAsync(method, string.Format(path, "v1"), tooLarge, member.Bearer);
                await app.SendAsync(method, string.Format(path, "v1"), new StringContent("<a/>", Encoding.UTF8, "application/xml"), member.Bearer);
            }
        }
    }
}
