using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.AccessApplications;

/// <summary>A host with the matrix's cast, made on first use.</summary>
public sealed class AppMatrixFactory : RaytioFactory
{
    private AppMatrixCast? _cast;

    internal async Task<AppMatrixCast> CastAsync() => _cast ??= await AppMatrixCast.CreateAsync(this);
}

/// <summary>
/// An organisation's application and everyone relative to it: its owner (the organisation's first
/// administrator), a user authorised through 79 (a plain member), another administrator, a plain
/// member, another organisation's administrator, a stranger, no token, and the application's own token.
/// </summary>
internal sealed record AppMatrixCast(Raytio.Server.Tests.Organizations.Org Org, TestApp App, Guid KeyId, GraphUser Authorised, GraphUser OtherAdmin, GraphUser Member,
    GraphUser Target, GraphUser OtherOrgAdmin, GraphUser Stranger, string AppToken)
{
    public static async Task<AppMatrixCast> CreateAsync(RaytioFactory app)
    {
        var org = await app.CreateOrgAsync();
        var application = await app.CreateAppAsync(org.Admin, generateSecret: true, orgId: org.Id);
        var key = await (await app.PostJsonAsync($"{application.Path}/public_key", new { key = TestKeys.Jwk() }, org.Admin.Bearer)).AssertOkAsync();
        var keyId = key.GetProperty("n_id").GetGuid();
        var authorised = await app.NewMemberAsync(org);
        await (await app.PostJsonAsync($"/share/v1/public_keys/{keyId}/private_keys", new { key = TestKeys.Wrapped(), u_id = authorised.Id }, org.Admin.Bearer)).AssertOkAsync();
        await (await app.PostJsonAsync($"/share/v1/public_keys/{keyId}/private_key", new { key = TestKeys.Wrapped() }, org.Admin.Bearer)).AssertOkAsync();
        await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/public_key", OrgSeed.Json(TestKeys.Jwk()), org.Admin.Bearer)).AssertOkAsync();
        var otherAdmin = await app.NewMemberAsync(org, OrganizationRole.Admin);
        var member = await app.NewMemberAsync(org);
        var target = await app.NewMemberAsync(org);
        var otherOrg = await app.CreateOrgAsync();
        var stranger = await GraphUser.CreateAsync(app);
        var token = await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "client_credentials", client_id = application.Key, client_secret = application.Secret })).AssertOkAsync();
        return new AppMatrixCast(org, application, keyId, authorised, otherAdmin, member, target, otherOrg.Admin, stranger, token.GetProperty("access_token").GetString()!);
    }

    public string? Bearer(string role) => role switch
    {
        "owner" => Org.Admin.Bearer,
        "auth" => Authorised.Bearer,
        "oadm" => OtherAdmin.Bearer,
        "mem" => Member.Bearer,
        "xadm" => OtherOrgAdmin.Bearer,
        "strg" => Stranger.Bearer,
        "anon" => null,
        "tok" => AppToken,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

/// <summary>Every access-application, key and user-key operation against every role of docs/SHARING.md "Who may do what".</summary>
public sealed class ApplicationAuthorizationMatrixTests(AppMatrixFactory app) : IClassFixture<AppMatrixFactory>
{
    private static readonly string[] Roles = ["owner", "auth", "oadm", "mem", "xadm", "strg", "anon", "tok"];

    /// <summary>One line per operation, one status per role in the order of <see cref="Roles"/>.</summary>
    private static readonly string[] Matrix =
    [
        // operation          owner auth oadm mem xadm strg anon tok
        "69-list               200 200 200 200 200 200 401 401",
        "70-create             200 200 200 200 200 200 401 401",
        "71-owner's-list       200 404 200 404 404 404 401 401",
        "72-read               200 200 200 200 200 200 401 200",
        "patch                 200 200 200 404 404 404 401 401",
        "delete                200 403 200 404 404 404 401 401",
        "75-default-key        200 200 200 200 200 200 401 200",
        "76-add-key            200 200 200 404 404 404 401 401",
        "77-keys               200 200 200 404 404 404 401 200",
        "78-key                200 200 200 404 404 404 401 200",
        "79-key-for-member     200 200 200 404 404 404 401 401",
        "80-own-wrapped-key    200 200 404 404 404 404 401 401",
        "81-store-own          200 200 200 404 404 404 401 401",
        "82-key-users          200 200 200 404 404 404 401 401",
        "user-public-key       200 200 200 200 200 200 401 401",
        "own-private-key       404 404 404 404 404 404 401 401",
    ];

    public static TheoryData<string> Rows => [.. Matrix.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Every_role_gets_the_contracts_answer(string operation)
    {
        var cast = await app.CastAsync();
        var expected = Matrix.Single(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] == operation).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        var failures = new List<string>();
        for (var i = 0; i < Roles.Length; i++)
        {
            var response = await CallAsync(operation, cast, Roles[i]);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (status != expected[i])
            {
                failures.Add($"{operation} as {Roles[i]}: expected {expected[i]}, got {status}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<HttpResponseMessage> CallAsync(string operation, AppMatrixCast cast, string role)
    {
        var bearer = cast.Bearer(role);
        var key = $"/share/v1/public_keys/{cast.KeyId}";
        switch (operation)
        {
            case "69-list": return await app.GetAsync("/share/v1/access_applications", bearer);
            case "70-create": return await app.PostJsonAsync("/share/v1/access_applications", AppClient.Body(), bearer!);
            case "71-owner's-list": return await app.GetAsync($"/share/v1/users/{cast.Org.Admin.Id}/access_applications", bearer);
            case "72-read": return await app.GetAsync(cast.App.Path, bearer);
            case "patch": return await app.SendJsonTextAsync(HttpMethod.Patch, cast.App.Path, """{"tags":["x"]}""", bearer);
            case "delete":
                var fresh = await app.CreateAppAsync(cast.Org.Admin, orgId: cast.Org.Id);
                var freshKey = await (await app.PostJsonAsync($"{fresh.Path}/public_key", new { key = TestKeys.Jwk() }, cast.Org.Admin.Bearer)).AssertOkAsync();
                await (await app.PostJsonAsync($"/share/v1/public_keys/{freshKey.GetProperty("n_id").GetGuid()}/private_keys",
                    new { key = TestKeys.Wrapped(), u_id = cast.Authorised.Id }, cast.Org.Admin.Bearer)).AssertOkAsync();
                return await app.SendAsync(HttpMethod.Delete, fresh.Path, null, bearer);
            case "75-default-key": return await app.GetAsync($"{cast.App.Path}/public_key", bearer);
            case "76-add-key": return await app.PostJsonAsync($"{cast.App.Path}/public_key", new { key = TestKeys.Jwk() }, bearer!);
            case "77-keys": return await app.GetAsync($"{cast.App.Path}/public_keys", bearer);
            case "78-key": return await app.GetAsync(key, bearer);
            case "79-key-for-member": return await app.PostJsonAsync($"{key}/private_keys", new { key = TestKeys.Wrapped(), u_id = cast.Target.Id }, bearer!);
            case "80-own-wrapped-key": return await app.GetAsync($"{key}/private_key", bearer);
            case "81-store-own":
                // Stored for the other administrator would change row 80's answer: it stores, then removes what it stored.
                var stored = await app.PostJsonAsync($"{key}/private_key", new { key = TestKeys.Wrapped() }, bearer!);
                if (role == "oadm" && stored.IsSuccessStatusCode)
                {
                    await app.WithDbAsync(db => db.ApplicationPrivateKeys.Where(k => k.PublicKeyId == cast.KeyId && k.UserId == cast.OtherAdmin.Id).ExecuteDeleteAsync());
                }
                return stored;
            case "82-key-users": return await app.GetAsync($"{key}/users", bearer);
            case "user-public-key": return await app.GetAsync($"/share/v1/users/{cast.Org.Admin.Id}/public_key", bearer);
            case "own-private-key": return await app.GetAsync("/share/v1/users/me/private_key", bearer);
            default: throw new ArgumentOutOfRangeException(nameof(operation));
        }
    }
}
