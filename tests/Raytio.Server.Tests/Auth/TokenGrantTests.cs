using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Raytio.Server.Data;
using Raytio.Server.Features.Auth;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

public sealed class TokenGrantTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Password_grant_returns_the_three_tokens_with_the_reference_message()
    {
        var (email, password) = await app.CreateVerifiedUserAsync();
        var body = await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password })).AssertOkAsync();

        Assert.Equal($"{email} has been authenticated.", body.GetProperty("message").GetString());
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        foreach (var (name, use) in new[] { ("identity_token", "id"), ("access_token", "access") })
        {
            var (header, payload) = Decode(body.GetProperty(name).GetString()!);
            Assert.Equal("RS256", header.GetProperty("alg").GetString());
            Assert.False(string.IsNullOrEmpty(header.GetProperty("kid").GetString()));
            Assert.Equal("raytio", payload.GetProperty("iss").GetString());
            Assert.Equal("raytio-api", payload.GetProperty("aud").GetString());
            Assert.Equal(userId.ToString(), payload.GetProperty("sub").GetString());
            Assert.Equal(email, payload.GetProperty("email").GetString());
            Assert.Equal(use, payload.GetProperty("token_use").GetString());
            Assert.Equal(3600, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
            Assert.False(string.IsNullOrEmpty(payload.GetProperty("jti").GetString()));
        }
        Assert.True(body.GetProperty("refresh_token").GetString()!.Length >= 43);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_answer()
    {
        var (email, _) = await app.CreateVerifiedUserAsync();
        var wrong = await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password = "not the password" }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var unknown = await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = RaytioFactory.NewEmail(), password = "not the password" }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(wrong.GetRawText(), unknown.GetRawText());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Failed_logins_are_throttled_per_account_alike_for_known_and_unknown_users(bool known)
    {
        var email = known ? (await app.CreateVerifiedUserAsync()).Email : RaytioFactory.NewEmail();
        for (var i = 0; i < 5; i++)
        {
            await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password = "wrong password" }))
                .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }
        var throttled = await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password = "correct horse battery" });
        await throttled.AssertErrorAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.InRange(throttled.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));

        app.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var after = await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password", username = email, password = "correct horse battery" });
        Assert.Equal(known ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Theory]
    [InlineData(null, "grant_type")]
    [InlineData("implicit", "grant_type")]
    [InlineData("client_credentials", "client_id")]
    public async Task Grant_type_is_required_and_checked(string? grantType, string field)
    {
        var body = await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = grantType, username = "a@example.com", password = "x" }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Password_grant_requires_username_and_password()
    {
        var body = await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "password" }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("username", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_reuse_revokes_the_family()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();

        var first = await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = tokens.RefreshToken })).AssertOkAsync();
        var rotated = first.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(tokens.RefreshToken, rotated);
        (await app.GetAsync("/db/v1/preferences", first.GetProperty("identity_token").GetString())).EnsureSuccessStatusCode();

        // The old token again: theft is assumed and every token of the family dies.
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = tokens.RefreshToken }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = rotated }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Reuse_revokes_only_its_own_family()
    {
        var (email, password, tokens) = await app.CreateSignedInUserAsync();
        var otherSession = await app.LoginAsync(email, password);
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = tokens.RefreshToken })).AssertOkAsync();
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = tokens.RefreshToken }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");

        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = otherSession.RefreshToken })).AssertOkAsync();
    }

    [Fact]
    public async Task Concurrent_use_of_one_refresh_token_lets_exactly_one_through()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = tokens.RefreshToken })));

        var statuses = string.Join(", ", attempts.Select(r => (int)r.StatusCode));
        Assert.True(attempts.Count(r => r.StatusCode == HttpStatusCode.OK) == 1, $"expected exactly one 200, got {statuses}");
        foreach (var refused in attempts.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await refused.AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        }
    }

    [Fact]
    public async Task Unknown_and_expired_refresh_tokens_are_refused()
    {
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = "made-up" }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token" }))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        app.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        await (await app.PostJsonAsync("/oauth/v1/token", new { grant_type = "refresh_token", refresh_token = tokens.RefreshToken }))
            .AssertErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Refresh_tokens_are_stored_only_as_sha256_hashes()
    {
        var (email, _, tokens) = await app.CreateSignedInUserAsync();
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var stored = await app.WithDbAsync(db => db.RefreshTokens.Where(t => t.UserId == userId).Select(t => t.TokenHash).ToListAsync());

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tokens.RefreshToken)));
        Assert.Equal(expected, Assert.Single(stored));
        Assert.DoesNotContain(tokens.RefreshToken, stored);
    }

    [Fact]
    public async Task Identity_token_expires_after_its_lifetime()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).EnsureSuccessStatusCode();
        app.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(31));
        await (await app.GetAsync("/db/v1/preferences", tokens.IdentityToken)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Login_rehashes_a_pbkdf2_password_with_argon2id()
    {
        var (email, password) = await app.CreateVerifiedUserAsync();
        var weak = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 500 }));
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, weak.HashPassword(null!, password))));

        await app.LoginAsync(email, password);

        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync());
        Assert.StartsWith($"$argon2id$v=19$m={RaytioFactory.TestHashMemoryKiB},t=1,p=1$", hash);
        await app.LoginAsync(email, password);
    }

    private static (JsonElement Header, JsonElement Payload) Decode(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        return (Parse(parts[0]), Parse(parts[1]));

        static JsonElement Parse(string segment)
        {
            var padded = segment.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(padded))).RootElement;
        }
    }
}
