using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Raytio.Server.Features.Auth;
using Raytio.Server.Tests.Infrastructure;

namespace Raytio.Server.Tests.Auth;

/// <summary>Forged and broken bearer tokens: every one must be a plain 401.</summary>
public sealed class JwtAttackTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData("nOnE")]
    public async Task Alg_none_is_refused(string alg)
    {
        var (header, payload) = await GenuineAsync();
        header["alg"] = alg;
        await AssertRefusedAsync($"{Encode(header)}.{Encode(payload)}.");
    }

    [Fact]
    public async Task Hs256_signed_with_the_public_key_is_refused()
    {
        var (header, payload) = await GenuineAsync();
        header["alg"] = "HS256";
        var key = (await app.Services.GetRequiredService<TokenKeyRing>().GetSigningKeyAsync()).Key;
        using var rsa = RSA.Create(key.Parameters);
        foreach (var secret in new[] { Encoding.UTF8.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()), key.Parameters.Modulus! })
        {
            var unsigned = $"{Encode(header)}.{Encode(payload)}";
            var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(unsigned));
            await AssertRefusedAsync($"{unsigned}.{Base64UrlEncoder.Encode(mac)}");
        }
    }

    [Theory]
    [InlineData("exp", -120)]
    [InlineData("nbf", 600)]
    public async Task Tokens_outside_their_lifetime_are_refused(string claim, int offsetSeconds)
    {
        var (header, payload) = await GenuineAsync();
        payload[claim] = app.Time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds;
        await AssertRefusedAsync(await SignAsync(header, payload));
    }

    [Theory]
    [InlineData("iss", "someone-else")]
    [InlineData("aud", "another-api")]
    public async Task Wrong_issuer_or_audience_is_refused(string claim, string value)
    {
        var (header, payload) = await GenuineAsync();
        payload[claim] = value;
        await AssertRefusedAsync(await SignAsync(header, payload));
    }

    [Fact]
    public async Task A_tampered_payload_is_refused()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var parts = tokens.IdentityToken.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["sub"] = Guid.NewGuid().ToString();
        await AssertRefusedAsync($"{parts[0]}.{Encode(payload)}.{parts[2]}");
    }

    [Theory]
    [InlineData("unknown-kid")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("..\\..\\keys\\token.pem")]
    public async Task Unknown_or_path_like_kid_is_refused(string kid)
    {
        var (header, payload) = await GenuineAsync();
        var signed = await SignAsync(header, payload);
        var parts = signed.Split('.');
        header["kid"] = kid;
        await AssertRefusedAsync($"{Encode(header)}.{parts[1]}.{parts[2]}");
    }

    [Fact]
    public async Task A_kid_that_cannot_be_decoded_is_refused_not_a_500()
    {
        var (genuineHeader, payload) = await GenuineAsync();
        var signed = await SignAsync(genuineHeader, payload);
        var parts = signed.Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"RS256","typ":"JWT","kid":"\ud800"}""");
        await AssertRefusedAsync($"{header}.{parts[1]}.{parts[2]}");
    }

    [Fact]
    public async Task A_token_signed_by_a_foreign_key_with_our_kid_is_refused()
    {
        var (header, payload) = await GenuineAsync();
        using var foreign = RSA.Create(2048);
        var unsigned = $"{Encode(header)}.{Encode(payload)}";
        var signature = foreign.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        await AssertRefusedAsync($"{unsigned}.{Base64UrlEncoder.Encode(signature)}");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("")]
    public async Task Malformed_tokens_are_refused(string token) => await AssertRefusedAsync(token);

    [Fact]
    public async Task A_correctly_signed_control_token_is_accepted()
    {
        var (header, payload) = await GenuineAsync();
        (await app.GetAsync("/db/v1/preferences", await SignAsync(header, payload))).EnsureSuccessStatusCode();
    }

    private async Task AssertRefusedAsync(string token)
    {
        var response = await app.GetAsync("/db/v1/preferences", token);
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<(Dictionary<string, object> Header, Dictionary<string, object> Payload)> GenuineAsync()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var parts = tokens.IdentityToken.Split('.');
        return (JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[0]))!,
            JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!);
    }

    /// <summary>Signs with the server's real key, so only the altered claim can be the reason for a refusal.</summary>
    private async Task<string> SignAsync(Dictionary<string, object> header, Dictionary<string, object> payload)
    {
        var key = (await app.Services.GetRequiredService<TokenKeyRing>().GetSigningKeyAsync()).Key;
        using var rsa = RSA.Create(key.Parameters);
        var unsigned = $"{Encode(header)}.{Encode(payload)}";
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{unsigned}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
}
