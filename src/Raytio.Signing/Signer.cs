using System.Security.Cryptography;
using System.Text.Json;

namespace Raytio.Signing;

/// <summary>
/// Signs JSON data in its RFC 8785 canonical form with the store's active key, and verifies signatures
/// against every kept key (signatures carry no key id), reporting which key verified.
/// </summary>
public sealed class Signer(ISigningKeyStore store)
{
    /// <summary>Base64 RSA-PSS SHA-512 signature of the canonical form of <paramref name="data"/>.</summary>
    /// <exception cref="CanonicalizationException">The data has no canonical form.</exception>
    public Task<string> SignAsync(JsonElement data, CancellationToken cancellationToken) =>
        SignCanonicalAsync(JsonCanonicalizer.Canonicalize(data), cancellationToken);

    /// <summary>Signs bytes that already are canonical JSON.</summary>
    public async Task<string> SignCanonicalAsync(ReadOnlyMemory<byte> canonicalJson, CancellationToken cancellationToken)
    {
        var key = await store.GetActiveKeyAsync(cancellationToken);
        return SignatureEncoding.Encode(key.Sign(canonicalJson.Span));
    }

    /// <exception cref="SignatureFormatException">The signature is not base64.</exception>
    /// <exception cref="CanonicalizationException">The data has no canonical form.</exception>
    public Task<SignatureCheck> VerifyAsync(JsonElement data, string signature, CancellationToken cancellationToken)
    {
        var signatureBytes = SignatureEncoding.Decode(signature);
        return VerifyCanonicalAsync(JsonCanonicalizer.Canonicalize(data), signatureBytes, cancellationToken);
    }

    /// <summary>Verifies a signature over bytes that already are canonical JSON.</summary>
    /// <exception cref="SignatureFormatException">The signature is not base64.</exception>
    public Task<SignatureCheck> VerifyCanonicalAsync(ReadOnlyMemory<byte> canonicalJson, string signature, CancellationToken cancellationToken) =>
        VerifyCanonicalAsync(canonicalJson, SignatureEncoding.Decode(signature), cancellationToken);

    private async Task<SignatureCheck> VerifyCanonicalAsync(ReadOnlyMemory<byte> canonicalJson, byte[] signature, CancellationToken cancellationToken)
    {
        var hash = SHA512.HashData(canonicalJson.Span);
        foreach (var key in await store.ListKeysAsync(cancellationToken))
        {
            if (key.VerifyHash(hash, signature))
            {
                return SignatureCheck.ValidBy(key.Kid);
            }
        }
        return SignatureCheck.Invalid;
    }
}
