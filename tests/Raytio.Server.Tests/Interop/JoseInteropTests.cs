using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Testing;

namespace Raytio.Server.Tests.Interop;

/// <summary>An independent JOSE implementation (npm jose) verifies our identity tokens with our JWK set.</summary>
public sealed class JoseInteropTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Jose_verifies_an_identity_token_with_the_published_jwks()
    {
        var (email, _, tokens) = await app.CreateSignedInUserAsync();
        var jwks = await (await app.GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync();
        var input = JsonSerializer.Serialize(new { jwks = JsonDocument.Parse(jwks).RootElement, token = tokens.IdentityToken, now = app.Time.GetUtcNow().ToUnixTimeSeconds() });

        var output = JsonDocument.Parse(await NodeScript.RunAsync("auth/verify-jwt.mjs", input)).RootElement;

        Assert.True(output.GetProperty("valid").GetBoolean(), output.GetRawText());
        Assert.Equal(email, output.GetProperty("payload").GetProperty("email").GetString());
        Assert.Equal("RS256", output.GetProperty("header").GetProperty("alg").GetString());
    }

    [Fact]
    public async Task Jose_rejects_a_token_whose_payload_was_changed()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var jwks = await (await app.GetAsync("/.well-known/jwks.json")).Content.ReadAsStringAsync();
        var parts = tokens.IdentityToken.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["email"] = "someone-else@example.com";
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        var input = JsonSerializer.Serialize(new { jwks = JsonDocument.Parse(jwks).RootElement, token = forged, now = app.Time.GetUtcNow().ToUnixTimeSeconds() });

        var output = JsonDocument.Parse(await NodeScript.RunAsync("auth/verify-jwt.mjs", input)).RootElement;

        Assert.False(output.GetProperty("valid").GetBoolean(), output.GetRawText());
        Assert.Equal("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", output.GetProperty("error").GetString());
    }
}
