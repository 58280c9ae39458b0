using System.Buffers.Text;
using System.Security.Cryptography;

namespace Raytio.Signing;

/// <summary>
/// One RSA-PSS SHA-512 key of a key store. The wrapped <see cref="RSA"/> may hold the private key, or
/// delegate to a KMS or HSM (an <see cref="RSA"/> subclass), or be public only for verification.
/// </summary>
public sealed class SigningKey
{
    private readonly RSA _key;

    /// <param name="key">A 4096-bit RSA key; the store that passes it keeps ownership.</param>
    /// <param name="createdAt">When the key was created; the newest key of a store is the active one.</param>
    /// <param name="isActive">Whether the store signs with this key.</param>
    public SigningKey(RSA key, DateTimeOffset createdAt, bool isActive)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != RsaPssSha512.KeySizeInBits)
        {
            throw new ArgumentException($"Signing keys must be {RsaPssSha512.KeySizeInBits}-bit RSA keys, not {key.KeySize}-bit.", nameof(key));
        }
        _key = key;
        var parameters = key.ExportParameters(includePrivateParameters: false);
        PublicKey = RSA.Create(parameters);
        Jwk = new RsaJwk(JwkThumbprint.Compute(parameters), Base64Url.EncodeToString(parameters.Modulus), Base64Url.EncodeToString(parameters.Exponent));
        CreatedAt = createdAt;
        IsActive = isActive;
    }

    private SigningKey(SigningKey other, bool isActive)
    {
        _key = other._key;
        PublicKey = other.PublicKey;
        Jwk = other.Jwk;
        CreatedAt = other.CreatedAt;
        IsActive = isActive;
    }

    /// <summary>RFC 7638 thumbprint of the public key.</summary>
    public string Kid => Jwk.Kid;

    public DateTimeOffset CreatedAt { get; }

    /// <summary>True for the key that signs; retired keys only verify.</summary>
    public bool IsActive { get; }

    /// <summary>The public half alone, safe to hand out.</summary>
    public RSA PublicKey { get; }

    private RsaJwk Jwk { get; }

    public RsaJwk ToJwk() => Jwk;

    /// <summary>Signs data (normally canonical JSON) with RSA-PSS SHA-512, salt length 64.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _key.SignHash(SHA512.HashData(data), RsaPssSha512.Hash, RsaPssSha512.Padding);

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        VerifyHash(SHA512.HashData(data), signature);

    /// <summary>Verifies against a precomputed SHA-512, so trying several keys hashes the data once.</summary>
    internal bool VerifyHash(ReadOnlySpan<byte> sha512, ReadOnlySpan<byte> signature) =>
        signature.Length == RsaPssSha512.SignatureLength
        && PublicKey.VerifyHash(sha512, signature, RsaPssSha512.Hash, RsaPssSha512.Padding);

    internal SigningKey WithStatus(bool isActive) => isActive == IsActive ? this : new SigningKey(this, isActive);
}
