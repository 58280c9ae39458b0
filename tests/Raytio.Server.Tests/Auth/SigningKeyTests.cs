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
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl?.MaxAge);
    }
}
