using System.Text.Json;

namespace Raytio.Signing.Tests;

[Collection(RotatedKeyStoreCollection.Name)]
public class JwkSetTests(RotatedKeyStoreFixture keys)
{
    [Fact]
    public async Task Jwk_set_lists_every_kept_public_key_active_first_without_private_material()
    {
        using var jwks = JsonDocument.Parse(JwkSet.ToJson(await keys.Store.ListKeysAsync(CancellationToken.None)));

        var published = jwks.RootElement.GetProperty("keys").EnumerateArray().ToArray();
        Assert.Equal([keys.ActiveKey.Kid, keys.RetiredKey.Kid], published.Select(jwk => jwk.GetProperty("kid").GetString()));
        foreach (var jwk in published)
        {
            Assert.Equal(["kty", "alg", "use", "kid", "n", "e"], jwk.EnumerateObject().Select(p => p.Name));
            Assert.Equal("RSA", jwk.GetProperty("kty").GetString());
            Assert.Equal("PS512", jwk.GetProperty("alg").GetString());
            Assert.Equal("sig", jwk.GetProperty("use").GetString());
            Assert.Equal("AQAB", jwk.GetProperty("e").GetString());
            // 512 modulus bytes in unpadded base64url.
            Assert.Equal(683, jwk.GetProperty("n").GetString()!.Length);
            Assert.Equal(jwk.GetProperty("kid").GetString(), JwkThumbprint.Compute(jwk.GetProperty("e").GetString()!, jwk.GetProperty("n").GetString()!));
        }
    }

    [Fact]
    public async Task A_key_file_whose_name_does_not_match_its_key_is_rejected()
    {
        using var temporary = new TemporaryDirectory();
        var pem = Directory.GetFiles(keys.KeyDirectory, "*.pem")[0];
        File.Copy(pem, temporary.Combine("20300101T000000000Z_" + new string('A', 43) + ".pem"));
        var store = new FileSigningKeyStore(temporary.Path, TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.ListKeysAsync(CancellationToken.None));

        Assert.Contains("not the one its name says", error.Message);
    }
}
