using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.UserKeys;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.AccessApplications;

/// <summary>The user-key additions: one's own public JWK (readable by anyone signed in) and wrapped private key (only one's own).</summary>
public sealed class UserKeyTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task A_public_key_is_readable_by_others_and_the_private_key_only_by_its_owner()
    {
        var person = await GraphUser.CreateAsync(app);
        var other = await GraphUser.CreateAsync(app);
        await (await app.GetAsync($"/share/v1/users/{person.Id}/public_key", other.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "public_key_not_found");
        await (await app.GetAsync("/share/v1/users/me/private_key", person.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "private_key_not_found");

        var jwk = TestKeys.Jwk();
        var set = await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/public_key", OrgJson(jwk), person.Bearer)).AssertOkAsync();
        Assert.Equal(person.Id, set.GetProperty("u_id").GetGuid());
        await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/private_key", OrgJson(new { key = TestKeys.Wrapped("cHJpdmF0ZQ") }), person.Bearer)).AssertOkAsync();

        var read = await (await app.GetAsync($"/share/v1/users/{person.Id}/public_key", other.Bearer)).AssertOkAsync();
        Assert.Equal(jwk["n"], read.GetProperty("properties").GetProperty("n").GetString());
        var me = await (await app.GetAsync("/share/v1/users/me/public_key", person.Bearer)).AssertOkAsync();
        Assert.Equal(person.Id, me.GetProperty("u_id").GetGuid());
        var own = await (await app.GetAsync("/share/v1/users/me/private_key", person.Bearer)).AssertOkAsync();
        Assert.Equal("cHJpdmF0ZQ", own.GetProperty("encrypted_data").GetProperty("data").GetString());
        await (await app.GetAsync("/share/v1/users/me/private_key", other.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "private_key_not_found");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync($"/share/v1/users/{person.Id}/public_key")).StatusCode);
    }

    [Fact]
    public async Task Private_members_and_bad_shapes_are_refused()
    {
        var person = await GraphUser.CreateAsync(app);
        var jwk = TestKeys.Jwk();
        jwk["d"] = "AQAB";
        await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/public_key", OrgJson(jwk), person.Bearer)).AssertInvalidAsync("key.d");
        await (await app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/private_key", """{"key":{}}""", person.Bearer)).AssertInvalidAsync("key.encrypted_data");
        await (await app.GetAsync("/share/v1/users/nope/public_key", person.Bearer)).AssertInvalidAsync("u_id");
    }

    [Fact]
    public async Task Concurrent_first_keys_of_one_person_all_succeed_and_one_row_is_kept()
    {
        var person = await GraphUser.CreateAsync(app);
        var puts = Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/public_key", OrgJson(TestKeys.Jwk()), person.Bearer)
            : app.SendJsonTextAsync(HttpMethod.Put, "/share/v1/users/me/private_key", OrgJson(new { key = TestKeys.Wrapped("cHJpdmF0ZQ") }), person.Bearer));
        foreach (var response in await Task.WhenAll(puts))
        {
            await response.AssertOkAsync();
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.UserKeys.CountAsync(k => k.UserId == person.Id)));
        await (await app.GetAsync("/share/v1/users/me/public_key", person.Bearer)).AssertOkAsync();
        await (await app.GetAsync("/share/v1/users/me/private_key", person.Bearer)).AssertOkAsync();
    }

    private static string OrgJson(object body) => System.Text.Json.JsonSerializer.Serialize(body);
}
