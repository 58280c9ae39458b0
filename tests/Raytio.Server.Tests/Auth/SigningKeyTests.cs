using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Auth;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

public sealed class SigningKeyTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Jwks_publishes_the_public_keys_only()
    {
        var response = await app.GetAsync("/.well-known/jwks.json");
        var body = await response.AssertOkAsync();
        var key = Assert.Single(body.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(key.TryGetProperty("d", out _));
        Assert.NotNull(response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task Rotation_signs_with_the_new_key_and_old_tokens_keep_working_until_expiry()
    {
        var (email, password, before) = await app.CreateSignedInUserAsync();
        var ring = app.Services.GetRequiredService<TokenKeyRing>();
        var oldKid = (await ring.GetSigningKeyAsync()).Kid;

        var created = await ring.RotateAsync();

        Assert.NotEqual(oldKid, created.Kid);
        var after = await app.LoginAsync(email, password);
        Assert.Contains(created.Kid, Header(after.IdentityToken));
        (await app.GetAsync("/db/v1/preferences", before.IdentityToken)).EnsureSuccessStatusCode();
        var kids = (await (await app.GetAsync("/.well-known/jwks.json")).AssertOkAsync()).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Contains(oldKid, kids);
        Assert.Contains(created.Kid, kids);

        // Once every token of the old key has expired, the next rotation drops it: a token the
        // old key signs now, unexpired, is refused, while the same token from the current key passes.
        var oldKey = (await ring.ListAsync()).Single(k => k.Kid == oldKid).Key;
        app.Time.Advance(TimeSpan.FromHours(2));
        var current = await ring.RotateAsync();
        Assert.DoesNotContain(await ring.ListAsync(), k => k.Kid == oldKid);
        var subject = TokenForge.SubjectOf(before.IdentityToken);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(oldKey, subject, now))).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await app.GetAsync("/db/v1/preferences", TokenForge.IdentityToken(current.Key, subject, now))).AssertOkAsync();
    }

    private static string Header(string jwt) => System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(jwt.Split('.')[0]));
}
