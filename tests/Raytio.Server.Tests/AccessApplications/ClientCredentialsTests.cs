using System.Net;
using System.Text.Json;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Testing;

namespace Raytio.Server.Tests.AccessApplications;

/// <summary>Operation 1's client_credentials grant: an application's own token, valid on its own application's operations only.</summary>
public sealed class ClientCredentialsTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    private async Task<HttpResponseMessage> GrantAsync(string? key, string? secret) =>
        await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "client_credentials", client_id = key, client_secret = secret });

    private async Task<string> TokenAsync(TestApp application)
    {
        var answer = await (await GrantAsync(application.Key, application.Secret)).AssertOkAsync();
        Assert.Equal("Bearer", answer.GetProperty("token_type").GetString());
        Assert.False(answer.TryGetProperty("refresh_token", out _));
        Assert.Equal(answer.GetProperty("access_token").GetString(), answer.GetProperty("identity_token").GetString());
        Assert.Equal(application.Id.ToString(), TokenForge.SubjectOf(answer.GetProperty("access_token").GetString()!));
        return answer.GetProperty("access_token").GetString()!;
    }

    private async Task<(TestApp Application, Guid KeyId)> AppWithKeyAsync()
    {
        var application = await app.CreateAppAsync(generateSecret: true);
        var key = await (await app.PostJsonAsync($"{application.Path}/public_key", new { key = TestKeys.Jwk() }, application.Owner.Bearer)).AssertOkAsync();
        return (application, key.GetProperty("n_id").GetGuid());
    }

    [Fact]
    public async Task The_token_reads_its_own_applications_keys_and_nothing_of_another()
    {
        var (own, ownKey) = await AppWithKeyAsync();
        var (other, otherKey) = await AppWithKeyAsync();
        var token = await TokenAsync(own);

        await (await app.GetAsync($"{own.Path}/public_key", token)).AssertOkAsync();
        await (await app.GetAsync($"{own.Path}/public_keys", token)).AssertOkAsync();
        await (await app.GetAsync($"/share/v1/public_keys/{ownKey}", token)).AssertOkAsync();
        var whole = await (await app.GetAsync(own.Path, token)).AssertOkAsync();
        Assert.True(whole.TryGetProperty("transitions", out _));

        await (await app.GetAsync($"{other.Path}/public_key", token)).AssertAppNotFoundAsync();
        await (await app.GetAsync($"{other.Path}/public_keys", token)).AssertAppNotFoundAsync();
        await (await app.GetAsync(other.Path, token)).AssertAppNotFoundAsync();
        await (await app.GetAsync($"/share/v1/public_keys/{otherKey}", token)).AssertErrorAsync(HttpStatusCode.NotFound, "public_key_not_found");
    }

    [Fact]
    public async Task Person_only_operations_answer_401_to_an_application_token()
    {
        var (own, ownKey) = await AppWithKeyAsync();
        var token = await TokenAsync(own);

        foreach (var path in new[] { "/org/v1/organizations", "/db/v1/profile_objects", "/share/v1/access_applications", $"/share/v1/public_keys/{ownKey}/private_key", "/share/v1/users/me/private_key" })
        {
            await (await app.GetAsync(path, token)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        await (await app.PostJsonAsync($"{own.Path}/public_key", new { key = TestKeys.Jwk() }, token)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.SendJsonTextAsync(HttpMethod.Patch, own.Path, """{"name":"taken over"}""", token)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Wrong_unknown_and_missing_credentials_are_refused_alike()
    {
        var application = await app.CreateAppAsync(generateSecret: true);
        var wrong = await (await GrantAsync(application.Key, "not the secret")).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        var unknown = await (await GrantAsync("nokey", application.Secret)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal(wrong.GetRawText(), unknown.GetRawText());
        await (await GrantAsync(application.Key, null)).AssertInvalidAsync("client_secret");
        await (await GrantAsync(null, application.Secret)).AssertInvalidAsync("client_id");
    }

    [Fact]
    public async Task Repeated_failures_are_throttled_like_passwords()
    {
        var application = await app.CreateAppAsync(generateSecret: true);
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await GrantAsync(application.Key, "guess");
            attempts++;
        }
        while (response.StatusCode == HttpStatusCode.Unauthorized && attempts < 30);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null);
        // Even the right secret waits until the delay has passed.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GrantAsync(application.Key, application.Secret)).StatusCode);
    }

    [Fact]
    public async Task A_new_secret_ends_the_old_secret_and_its_tokens()
    {
        var application = await app.CreateAppAsync(generateSecret: true);
        var oldToken = await TokenAsync(application);
        var rotated = await (await app.SendJsonTextAsync(HttpMethod.Patch, application.Path, """{"generate_secret":true}""", application.Owner.Bearer)).AssertOkAsync();
        var renewed = application with { Key = rotated.GetProperty("key").GetString(), Secret = rotated.GetProperty("secret").GetString() };

        await (await GrantAsync(application.Key, application.Secret)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        await (await app.GetAsync(application.Path, oldToken)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var newToken = await TokenAsync(renewed);
        await (await app.GetAsync(application.Path, newToken)).AssertOkAsync();
    }

    [Fact]
    public async Task A_deleted_application_can_no_longer_sign_in_and_its_tokens_stop_working()
    {
        var application = await app.CreateAppAsync(generateSecret: true);
        var token = await TokenAsync(application);
        await (await app.SendAsync(HttpMethod.Delete, application.Path, null, application.Owner.Bearer)).AssertOkAsync();

        await (await GrantAsync(application.Key, application.Secret)).AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
        await (await app.GetAsync(application.Path, token)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_application_without_a_secret_cannot_sign_in()
    {
        var owner = await GraphUser.CreateAsync(app);
        var application = await app.CreateAppAsync(owner);
        Assert.Null(application.Key);
        await (await GrantAsync("", "x")).AssertInvalidAsync("client_id");
    }

    [Fact]
    public async Task The_other_grants_still_work_and_name_all_three()
    {
        var (email, password) = await app.CreateVerifiedUserAsync();
        var tokens = await app.LoginAsync(email, password);
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = tokens.RefreshToken })).AssertOkAsync();
        var body = await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "implicit" })).AssertInvalidAsync("grant_type");
        Assert.Contains("client_credentials", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jose_verifies_an_application_token_with_the_published_jwks()
    {
        var application = await app.CreateAppAsync(generateSecret: true);
        var token = await TokenAsync(application);
        var jwks = await (await app.GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync();
        var input = JsonSerializer.Serialize(new { jwks = JsonDocument.Parse(jwks).RootElement, token, now = app.Time.GetUtcNow().ToUnixTimeSeconds() });

        var output = JsonDocument.Parse(await NodeScript.RunAsync("auth/verify-jwt.mjs", input)).RootElement;

        Assert.True(output.GetProperty("valid").GetBoolean(), output.GetRawText());
        Assert.Equal(application.Id.ToString(), output.GetProperty("payload").GetProperty("a_id").GetString());
        Assert.Equal("application", output.GetProperty("payload").GetProperty("token_use").GetString());
    }
}
