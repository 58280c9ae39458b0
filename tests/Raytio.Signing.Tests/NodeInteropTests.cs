using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Raytio.Testing;

namespace Raytio.Signing.Tests;

/// <summary>Node's crypto and the npm canonicalize package, as an independent implementation, in both directions.</summary>
[Collection(RotatedKeyStoreCollection.Name)]
public class NodeInteropTests(RotatedKeyStoreFixture keys) : IDisposable
{
    private const string Data = """
        {"passport": {"number": "X1234567", "names": ["Zoë", "O'Brien \ud83d\ude00"]}, "score": 0.1, "big": 1E21, "at": "2025-01-02T03:04:05Z"}
        """;

    private readonly TemporaryDirectory _temporary = new();

    [Fact]
    public async Task Node_verifies_library_signatures_with_only_the_published_jwk_set()
    {
        var signer = new Signer(keys.Store);
        var jwks = JwkSet.ToJson(await keys.Store.ListKeysAsync(CancellationToken.None));
        var fromRetiredKey = Convert.ToBase64String(keys.RetiredKey.Sign(JsonCanonicalizer.Canonicalize(Data)));
        // Line breaks as the API reference shows them: a literal backslash-n every 76 characters.
        var wrapped = string.Join("\\n", (await signer.SignAsync(Parse(Data), CancellationToken.None)).Chunk(76).Select(c => new string(c)));

        var activeResult = await VerifyOfflineAsync(jwks, Data, wrapped);
        var retiredResult = await VerifyOfflineAsync(jwks, Data, fromRetiredKey);

        Assert.Equal($"Verified OK (kid {keys.ActiveKey.Kid})", activeResult.Trim());
        Assert.Equal($"Verified OK (kid {keys.RetiredKey.Kid})", retiredResult.Trim());
        var tampered = await Assert.ThrowsAsync<InvalidOperationException>(() => VerifyOfflineAsync(jwks, Data.Replace("0.1", "0.10000000000000002"), wrapped));
        Assert.Contains("Verification failure", tampered.Message);
    }

    [Fact]
    public async Task Library_verifies_a_PS512_signature_made_by_node()
    {
        var output = await NodeScript.RunAsync("signing/sign-ps512.mjs", Data);
        using var signed = JsonDocument.Parse(output);
        var jwk = signed.RootElement.GetProperty("jwk");
        var signature = signed.RootElement.GetProperty("signature").GetString()!;
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(jwk.GetProperty("n").GetString()),
            Exponent = Base64Url.DecodeFromChars(jwk.GetProperty("e").GetString()),
        });
        var nodeKey = new SigningKey(rsa, DateTimeOffset.UnixEpoch, isActive: true);
        var signer = new Signer(new StaticKeyStore(nodeKey));

        var check = await signer.VerifyAsync(Parse(Data), signature, CancellationToken.None);

        Assert.Equal(new SignatureCheck(true, nodeKey.Kid), check);
        // jose's RFC 7638 thumbprint agrees with ours, and so do the canonical bytes.
        Assert.Equal(jwk.GetProperty("kid").GetString(), nodeKey.Kid);
        Assert.Equal(signed.RootElement.GetProperty("canonical").GetString(), Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Data)));
        Assert.False((await signer.VerifyAsync(Parse(Data.Replace("X1234567", "X1234568")), signature, CancellationToken.None)).IsValid);
    }

    public void Dispose() => _temporary.Dispose();

    private async Task<string> VerifyOfflineAsync(string jwks, string data, string signature)
    {
        var name = Guid.NewGuid().ToString("N");
        var paths = new[] { "jwks.json", "data.json", "signature.txt" }.Select(file => _temporary.Combine(name + "-" + file)).ToArray();
        await File.WriteAllTextAsync(paths[0], jwks);
        await File.WriteAllTextAsync(paths[1], data);
        await File.WriteAllTextAsync(paths[2], signature);
        return await NodeScript.RunAsync("signing/verify-offline.mjs", args: paths);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
