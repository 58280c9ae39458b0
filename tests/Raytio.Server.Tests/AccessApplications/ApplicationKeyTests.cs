using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.AccessApplications;

/// <summary>Operations 75-82: public keys as JWK and private keys wrapped per user.</summary>
public sealed class ApplicationKeyTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private async Task<Guid> AddKeyAsync(TestApp application, string? bearer = null)
    {
        var answer = await (await app.PostJsonAsync($"{application.Path}/public_key", new { key = TestKeys.Jwk() }, bearer ?? application.Owner.Bearer)).AssertOkAsync();
        Assert.Equal("RSA", answer.GetProperty("kty").GetString());
        return answer.GetProperty("n_id").GetGuid();
    }

    [Fact]
    public async Task The_newest_key_is_the_default_that_anyone_signed_in_reads()
    {
        var application = await app.CreateAppAsync();
        var stranger = await GraphUser.CreateAsync(app);
        await (await app.GetAsync($"{application.Path}/public_key", stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "public_key_not_found");
        var first = await AddKeyAsync(application);
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await AddKeyAsync(application);

        var current = await (await app.GetAsync($"{application.Path}/public_key", stranger.Bearer)).AssertOkAsync();

        Assert.Equal(second, current.GetProperty("n_id").GetGuid());
        Assert.Equal("RSA-OAEP-256", current.GetProperty("properties").GetProperty("alg").GetString());
        var list = await (await app.GetAsync($"{application.Path}/public_keys", application.Owner.Bearer)).AssertOkAsync();
        var keys = list[0].GetProperty("public_keys").EnumerateArray().ToList();
        Assert.Equal([second, first], keys.Select(k => k.GetProperty("public_key").GetProperty("n_id").GetGuid()));
        Assert.All(keys, k => Assert.Empty(k.GetProperty("instances").EnumerateArray()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", keys[0].GetProperty("public_key").GetProperty("date").GetString());
        var one = await (await app.GetAsync($"/share/v1/public_keys/{first}", application.Owner.Bearer)).AssertOkAsync();
        Assert.Equal(first, one.GetProperty("n_id").GetGuid());
    }

    [Fact]
    public async Task Strangers_get_the_same_404_for_a_key_as_for_an_unknown_one()
    {
        var application = await app.CreateAppAsync();
        var key = await AddKeyAsync(application);
        var stranger = await GraphUser.CreateAsync(app);
        foreach (var path in new[] { $"/share/v1/public_keys/{key}", $"/share/v1/public_keys/{key}/users", $"/share/v1/public_keys/{key}/private_key" })
        {
            var hidden = await app.GetAsync(path, stranger.Bearer);
            var unknown = await app.GetAsync(path.Replace(key.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal), stranger.Bearer);
            await hidden.AssertErrorAsync(HttpStatusCode.NotFound, "public_key_not_found");
            Assert.Equal(await unknown.Content.ReadAsStringAsync(), await hidden.Content.ReadAsStringAsync());
        }
        await (await app.PostJsonAsync($"{application.Path}/public_key", new { key = TestKeys.Jwk() }, stranger.Bearer)).AssertAppNotFoundAsync();
        await (await app.GetAsync($"{application.Path}/public_keys", stranger.Bearer)).AssertAppNotFoundAsync();
        await (await app.PostJsonAsync($"/share/v1/public_keys/{key}/private_key", new { key = TestKeys.Wrapped() }, stranger.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "public_key_not_found");
    }

    public static TheoryData<string, string> BadKeys => new()
    {
        { """{"key":{"kty":"RSA","alg":"RSA-OAEP","e":"AQAB","n":"SHORT"}}""", "key.n" },
        { """{"key":{"kty":"EC","alg":"RSA-OAEP","e":"AQAB"}}""", "key.kty" },
        { """{"key":"not an object"}""", "key" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Malformed_keys_answer_400_naming_the_member(string json, string field)
    {
        var application = await app.CreateAppAsync();
        await (await app.SendJsonTextAsync(HttpMethod.Post, $"{application.Path}/public_key", json, application.Owner.Bearer)).AssertInvalidAsync(field);
    }

    [Theory]
    [InlineData(1024, "RSA-OAEP", null, null, "key.n")]
    [InlineData(2048, "RS256", null, null, "key.alg")]
    [InlineData(2048, "RSA-OAEP", "d", "AQAB", "key.d")]
    [InlineData(2048, "RSA-OAEP", "qi", "AQAB", "key.qi")]
    [InlineData(2048, "RSA-OAEP", "key_ops", "decrypt", "key.key_ops")]
    [InlineData(2048, "RSA-OAEP", "x5c", "x", "key.x5c")]
    public async Task Short_private_or_wrong_algorithm_keys_are_refused(int bits, string alg, string? member, string? value, string field)
    {
        var application = await app.CreateAppAsync();
        var jwk = TestKeys.Jwk(bits, alg);
        if (member is not null)
        {
            jwk[member] = member == "key_ops" ? new[] { value! } : value!;
        }
        await (await app.PostJsonAsync($"{application.Path}/public_key", new { key = jwk }, application.Owner.Bearer)).AssertInvalidAsync(field);
        Assert.False(await app.WithDbAsync(db => db.ApplicationPublicKeys.AnyAsync(k => k.ApplicationId == application.Id)));
    }

    [Fact]
    public async Task Each_user_reads_only_their_own_wrapped_key()
    {
        var org = await app.CreateOrgAsync();
        var application = await app.CreateAppAsync(org.Admin, orgId: org.Id);
        var key = await AddKeyAsync(application);
        var colleague = await app.NewMemberAsync(org);
        var own = await (await app.PostJsonAsync($"/share/v1/public_keys/{key}/private_key", new { key = TestKeys.Wrapped("b3duZXI") }, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(key, own.GetProperty("n_id").GetGuid());

        // Not yet authorised: the colleague cannot see the key at all.
        await (await app.GetAsync($"/share/v1/public_keys/{key}/private_key", colleague.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "public_key_not_found");
        var stored = await (await app.PostJsonAsync($"/share/v1/public_keys/{key}/private_keys", new { key = TestKeys.Wrapped("Y29sbGVhZ3Vl"), u_id = colleague.Id }, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("Y29sbGVhZ3Vl", stored.GetProperty("encrypted_data").GetProperty("data").GetString());

        var theirs = await (await app.GetAsync($"/share/v1/public_keys/{key}/private_key", colleague.Bearer)).AssertOkAsync();
        var mine = await (await app.GetAsync($"/share/v1/public_keys/{key}/private_key", org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("Y29sbGVhZ3Vl", theirs.GetProperty("encrypted_data").GetProperty("data").GetString());
        Assert.Equal("b3duZXI", mine.GetProperty("encrypted_data").GetProperty("data").GetString());
        Assert.Equal("DSGj6t497s", mine.GetProperty("encrypted_key").GetProperty("encrypted_key").GetString());
        var users = await (await app.GetAsync($"/share/v1/public_keys/{key}/users", colleague.Bearer)).AssertOkAsync();
        Assert.Equal([org.Admin.Id, colleague.Id], users.EnumerateArray().Select(u => u.GetGuid()));

        // The colleague is now authorised: the whole application and the list show it.
        var read = await (await app.GetAsync(application.Path, colleague.Bearer)).AssertOkAsync();
        Assert.True(read.TryGetProperty("transitions", out _));
        var list = await (await app.GetAsync("/share/v1/access_applications", colleague.Bearer)).AssertOkAsync();
        Assert.Equal([application.Id], list.EnumerateArray().Select(a => a.GetProperty("a_id").GetGuid()));
    }

    [Fact]
    public async Task An_authorised_user_without_a_wrapped_key_gets_404_private_key_not_found()
    {
        var application = await app.CreateAppAsync();
        var key = await AddKeyAsync(application);
        await (await app.GetAsync($"/share/v1/public_keys/{key}/private_key", application.Owner.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "private_key_not_found");
    }

    [Fact]
    public async Task A_key_for_another_user_needs_an_organisation_and_a_member_of_it()
    {
        var personal = await app.CreateAppAsync();
        var personalKey = await AddKeyAsync(personal);
        var someone = await GraphUser.CreateAsync(app);
        await (await app.PostJsonAsync($"/share/v1/public_keys/{personalKey}/private_keys", new { key = TestKeys.Wrapped(), u_id = someone.Id }, personal.Owner.Bearer))
            .AssertErrorAsync(HttpStatusCode.Forbidden, "no_organization");

        var org = await app.CreateOrgAsync();
        var orgApp = await app.CreateAppAsync(org.Admin, orgId: org.Id);
        var orgKey = await AddKeyAsync(orgApp);
        await (await app.PostJsonAsync($"/share/v1/public_keys/{orgKey}/private_keys", new { key = TestKeys.Wrapped(), u_id = someone.Id }, org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await app.PostJsonAsync($"/share/v1/public_keys/{orgKey}/private_keys", new { key = TestKeys.Wrapped(), u_id = "nope" }, org.Admin.Bearer)).AssertInvalidAsync("u_id");
        Assert.False(await app.WithDbAsync(db => db.AccessApplicationUsers.AnyAsync(u => u.UserId == someone.Id)));
    }

    [Theory]
    [InlineData("""{"key":{"encrypted_data":{"algorithm":{"name":"AES-CBC","length":256},"data":"AQAB","iv":"aaaa"},"encrypted_key":{"encrypted_key":"x"}}}""", "key.encrypted_data.algorithm")]
    [InlineData("""{"key":{"encrypted_data":{"algorithm":{"name":"AES-GCM","length":256},"data":"AQAB"},"encrypted_key":{"encrypted_key":"x"}}}""", "key.encrypted_data.iv")]
    [InlineData("""{"key":{"encrypted_data":{"algorithm":{"name":"AES-GCM","length":256},"data":"not base64!","iv":"aaaa"},"encrypted_key":{"encrypted_key":"x"}}}""", "key.encrypted_data.data")]
    [InlineData("""{"key":{"encrypted_data":{"algorithm":{"name":"AES-GCM","length":256},"data":"AQAB","iv":"aaaa"}}}""", "key.encrypted_key")]
    [InlineData("""{"key":{"encrypted_data":{"algorithm":{"name":"AES-GCM","length":256},"data":"AQAB","iv":"aaaa","d":"x"},"encrypted_key":{"encrypted_key":"x"}}}""", "key.encrypted_data.d")]
    [InlineData("""{}""", "key")]
    public async Task Wrapped_keys_are_checked_for_shape(string json, string field)
    {
        var application = await app.CreateAppAsync();
        var key = await AddKeyAsync(application);
        await (await app.SendJsonTextAsync(HttpMethod.Post, $"/share/v1/public_keys/{key}/private_key", json, application.Owner.Bearer)).AssertInvalidAsync(field);
    }
}
