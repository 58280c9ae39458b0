using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Signing;
using Raytio.Testing;

namespace Raytio.Server.Tests.Verification;

/// <summary>Operation 105 and the published verification keys.</summary>
public sealed class SignatureVerifyTests(SignatureVerifyTests.OwnKeysFactory app) : IClassFixture<SignatureVerifyTests.OwnKeysFactory>
{
    private const string Verification = """
        {"verifier":"Data Zoo","verifier_div":"1afb7a4a-d08c-4870-aa78-089afbefbe40","request_div":"757cd4f7-b793-457c-b601-a10da3287241",
         "metadata":{},"verification_date":"2020-04-14T05:32:46.530Z","passed":true,"field":"first_given_name","source":"NZ_PASSPORT",
         "v_id":"758f1ec9-e527-4d86-9183-96ca095f70e5","value":"DONALD"}
        """;

    [Fact]
    public async Task A_genuine_pair_verifies_and_is_echoed_with_verified_true()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var signature = await SignAsync(Verification);

        var answer = await VerifyAsync(tokens, [(Verification, signature)]);

        var item = Assert.Single(answer.EnumerateArray());
        Assert.True(item.GetProperty("verified").GetBoolean());
        Assert.Equal(signature, item.GetProperty("signature").GetString());
        Assert.Equal("DONALD", item.GetProperty("data").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Changed_values_fail_but_reordered_keys_and_equal_numbers_still_verify()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        const string original = """{"a":1,"b":"x","c":[1.5,2]}""";
        var signature = await SignAsync(original);

        var answer = await VerifyAsync(tokens,
        [
            ("""{"c":[1.5,2.0],"b":"x","a":1.0}""", signature),
            ("""{"a":2,"b":"x","c":[1.5,2]}""", signature),
            ("""{"a":1,"b":"x","c":[1.25,2]}""", signature),
        ]);

        Assert.Equal([true, false, false], answer.EnumerateArray().Select(i => i.GetProperty("verified").GetBoolean()));
    }

    [Fact]
    public async Task Signatures_with_line_breaks_as_in_the_reference_are_accepted()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var signature = await SignAsync(Verification);
        var wrapped = string.Join("\\n", signature.Chunk(76).Select(c => new string(c))) + "\\n";
        var withNewlines = string.Join("\n", signature.Chunk(64).Select(c => new string(c)));

        var answer = await VerifyAsync(tokens, [(Verification, wrapped), (Verification, withNewlines)]);

        Assert.All(answer.EnumerateArray(), i => Assert.True(i.GetProperty("verified").GetBoolean()));
    }

    [Fact]
    public async Task A_signature_of_a_retired_but_kept_key_verifies_and_a_removed_one_does_not()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var store = app.Services.GetRequiredService<ISigningKeyStore>();
        var oldKid = (await store.GetActiveKeyAsync(CancellationToken.None)).Kid;
        var oldSignature = await SignAsync(Verification);

        await store.RotateAsync(CancellationToken.None);
        var newSignature = await SignAsync(Verification);
        Assert.NotEqual(oldSignature, newSignature);

        var kept = await VerifyAsync(tokens, [(Verification, oldSignature), (Verification, newSignature)]);
        Assert.All(kept.EnumerateArray(), i => Assert.True(i.GetProperty("verified").GetBoolean()));
        var published = await (await app.GetAsync("/extract_verify/v1/public_key")).AssertOkAsync();
        Assert.Contains(oldKid, published.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()));

        Assert.True(await store.RemoveAsync(oldKid, CancellationToken.None));
        var removed = await VerifyAsync(tokens, [(Verification, oldSignature), (Verification, newSignature)]);
        Assert.Equal([false, true], removed.EnumerateArray().Select(i => i.GetProperty("verified").GetBoolean()));
    }

    [Fact]
    public async Task The_reference_example_is_well_formed_and_not_ours()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        const string referenceSignature = "H6k0avwrlJzLvtSKYMAmx4c77GX3YASjO3CODwsMFrOpw6iCXNre6AFJByK5xnOWcSW/dQoI5SjM\\nNAlOLVfREmPkf1YBMY09FbdVUcRJOJA6aQFn24i03ZPv8pf3ZcurSBrA2iu9ImvT23Hx+58RaZba\\n";
        var answer = await VerifyAsync(tokens, [(Verification, referenceSignature)]);
        Assert.False(answer[0].GetProperty("verified").GetBoolean());
    }

    [Theory]
    [InlineData("""{"data":{"a":1},"signature":"!!not base64!!"}""", "[1].signature")]
    [InlineData("""{"data":{"a":1}}""", "[1].signature")]
    [InlineData("""{"signature":"AAAA"}""", "[1].data")]
    [InlineData("""{"data":"text","signature":"AAAA"}""", "[1].data")]
    [InlineData("""42""", "[1]")]
    public async Task Malformed_items_answer_400_naming_the_item(string badItem, string field)
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        var good = JsonSerializer.Serialize(new { data = JsonNode.Parse("""{"a":1}"""), signature = await SignAsync("""{"a":1}""") });
        var response = await PostRawAsync($"[{good},{badItem}]", tokens.IdentityToken);
        var body = await response.AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.GetRawText());
    }

    [Fact]
    public async Task A_body_that_is_not_an_array_is_400()
    {
        var (_, _, tokens) = await app.CreateSignedInUserAsync();
        await (await PostRawAsync("""{"data":{},"signature":"AAAA"}""", tokens.IdentityToken)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Anonymous_callers_get_401_but_the_public_key_needs_no_token()
    {
        await (await PostRawAsync("[]", null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var response = await app.GetAsync("/extract_verify/v1/public_key");
        var keys = (await response.AssertOkAsync()).GetProperty("keys");
        Assert.All(keys.EnumerateArray(), k =>
        {
            Assert.Equal("RSA", k.GetProperty("kty").GetString());
            Assert.Equal("PS512", k.GetProperty("alg").GetString());
            Assert.Equal("sig", k.GetProperty("use").GetString());
            Assert.False(k.TryGetProperty("d", out _));
            Assert.Equal(512, Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(k.GetProperty("n").GetString()).Length);
        });
        Assert.NotNull(response.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task The_documented_offline_recipe_verifies_a_server_signature_with_the_fetched_keys()
    {
        var signature = await SignAsync(Verification);
        var folder = Directory.CreateTempSubdirectory("raytio-offline-").FullName;
        try
        {
            var jwks = Path.Combine(folder, "jwks.json");
            var data = Path.Combine(folder, "data.json");
            var signatureFile = Path.Combine(folder, "signature.txt");
            await File.WriteAllTextAsync(jwks, await (await app.GetAsync("/extract_verify/v1/public_key")).Content.ReadAsStringAsync());
            await File.WriteAllTextAsync(data, Verification);
            await File.WriteAllTextAsync(signatureFile, signature);

            var output = await NodeScript.RunAsync("signing/verify-offline.mjs", null, null, jwks, data, signatureFile);

            Assert.StartsWith("Verified OK", output.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<string> SignAsync(string json) =>
        await app.Services.GetRequiredService<Signer>().SignAsync(JsonDocument.Parse(json).RootElement, CancellationToken.None);

    private async Task<JsonElement> VerifyAsync(Tokens tokens, (string Data, string Signature)[] pairs)
    {
        var body = "[" + string.Join(",", pairs.Select(p => $$"""{"data":{{p.Data}},"signature":{{JsonSerializer.Serialize(p.Signature)}}}""")) + "]";
        return await (await PostRawAsync(body, tokens.IdentityToken)).AssertOkAsync();
    }

    private Task<HttpResponseMessage> PostRawAsync(string json, string? bearer) => app.SendJsonTextAsync(HttpMethod.Post, "/extract_verify/v1/verify", json, bearer);

    /// <summary>Rotates and removes keys, so it keeps a key folder of its own.</summary>
    public sealed class OwnKeysFactory : RaytioFactory
    {
        private readonly string _keys = Path.Combine(Path.GetTempPath(), "raytio-test-own-keys-" + Guid.NewGuid().ToString("N"));

        protected override string SigningKeyDirectory => _keys;
    }
}
