using System.Text.Json;

namespace Raytio.Signing.Tests;

[Collection(RotatedKeyStoreCollection.Name)]
public class SignerTests(RotatedKeyStoreFixture keys)
{
    private const string Verification = """
        {"passport": {"number": "X1234567", "country": "NZL"}, "checked": true, "score": 1, "at": "2025-01-02T03:04:05Z"}
        """;

    private readonly Signer _signer = new(keys.Store);

    [Fact]
    public async Task Signature_verifies_and_names_the_active_key()
    {
        var signature = await _signer.SignAsync(Parse(Verification), CancellationToken.None);

        var check = await _signer.VerifyAsync(Parse(Verification), signature, CancellationToken.None);

        Assert.Equal(new SignatureCheck(true, keys.ActiveKey.Kid), check);
        Assert.Equal(684, signature.Length);
    }

    [Theory]
    [InlineData("""{"passport": {"number": "X1234568", "country": "NZL"}, "checked": true, "score": 1, "at": "2025-01-02T03:04:05Z"}""")]
    [InlineData("""{"passport": {"number": "X1234567", "country": "NZL"}, "checked": false, "score": 1, "at": "2025-01-02T03:04:05Z"}""")]
    [InlineData("""{"passport": {"number": "X1234567", "country": "NZL"}, "checked": true, "score": 1.5, "at": "2025-01-02T03:04:05Z"}""")]
    [InlineData("""{"passport": {"number": "X1234567", "country": "NZL"}, "checked": true, "score": "1", "at": "2025-01-02T03:04:05Z"}""")]
    [InlineData("""{"passport": {"number": "X1234567", "country": "NZL"}, "checked": true, "score": 1, "at": "2025-01-02T03:04:05Z", "extra": null}""")]
    [InlineData("""{"passport": {"number": "X1234567", "country": "NZL "}, "checked": true, "score": 1, "at": "2025-01-02T03:04:05Z"}""")]
    public async Task Tampered_data_fails(string tampered)
    {
        var signature = await _signer.SignAsync(Parse(Verification), CancellationToken.None);

        var check = await _signer.VerifyAsync(Parse(tampered), signature, CancellationToken.None);

        Assert.Equal(SignatureCheck.Invalid, check);
    }

    [Theory]
    [InlineData("""{"at":"2025-01-02T03:04:05Z","checked":true,"passport":{"country":"NZL","number":"X1234567"},"score":1}""")]
    [InlineData("""{ "score": 1.0, "checked": true, "passport": {"country": "N\u005AL", "number": "X1234567"}, "at": "2025-01-02T03:04:05Z" }""")]
    [InlineData("""{"score": 1e0, "at": "2025-01-02T03:04:05Z", "checked": true, "passport": {"number": "X1234567", "country": "NZL"}}""")]
    public async Task Same_canonical_form_still_verifies(string equivalent)
    {
        var signature = await _signer.SignAsync(Parse(Verification), CancellationToken.None);

        var check = await _signer.VerifyAsync(Parse(equivalent), signature, CancellationToken.None);

        Assert.True(check.IsValid);
    }

    [Fact]
    public async Task Retired_key_signatures_still_verify_and_name_that_key()
    {
        var canonical = JsonCanonicalizer.Canonicalize(Parse(Verification));
        var signature = Convert.ToBase64String(keys.RetiredKey.Sign(canonical));

        var check = await _signer.VerifyAsync(Parse(Verification), signature, CancellationToken.None);

        Assert.Equal(new SignatureCheck(true, keys.RetiredKey.Kid), check);
    }

    [Fact]
    public async Task Signature_with_line_breaks_spaces_or_literal_backslash_n_verifies()
    {
        var signature = await _signer.SignAsync(Parse(Verification), CancellationToken.None);
        var wrapped = string.Join("\n", signature.Chunk(64).Select(chunk => new string(chunk)));
        var withLiteralBackslashN = string.Join("\\n", signature.Chunk(76).Select(chunk => new string(chunk)));
        var spaced = " " + signature[..100] + " \r\n\t" + signature[100..] + " ";

        foreach (var variant in new[] { wrapped, withLiteralBackslashN, spaced })
        {
            Assert.True((await _signer.VerifyAsync(Parse(Verification), variant, CancellationToken.None)).IsValid, variant);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("not base64!")]
    [InlineData("QUJD\\tREVG")]
    [InlineData("QUJDREVG-_")]
    public async Task Malformed_signature_is_a_format_error(string signature)
    {
        await Assert.ThrowsAsync<SignatureFormatException>(() => _signer.VerifyAsync(Parse(Verification), signature, CancellationToken.None));
    }

    [Fact]
    public async Task Well_formed_signature_of_the_wrong_length_just_fails()
    {
        var check = await _signer.VerifyAsync(Parse(Verification), Convert.ToBase64String(new byte[16]), CancellationToken.None);

        Assert.Equal(SignatureCheck.Invalid, check);
    }

    [Fact]
    public async Task Signing_a_canonical_form_equals_signing_its_element()
    {
        var canonical = JsonCanonicalizer.Canonicalize(Parse(Verification));
        var signature = await _signer.SignCanonicalAsync(canonical, CancellationToken.None);

        Assert.Equal(new SignatureCheck(true, keys.ActiveKey.Kid), await _signer.VerifyAsync(Parse(Verification), signature, CancellationToken.None));
        Assert.True((await _signer.VerifyCanonicalAsync(canonical, signature, CancellationToken.None)).IsValid);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
