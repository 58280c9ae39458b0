using System.Security.Cryptography;

namespace Raytio.Signing;

/// <summary>
/// The signature scheme: RSASSA-PSS (RFC 8017) with SHA-512, MGF1-SHA-512 and a 64-byte salt (the hash
/// length, which is what <see cref="RSASignaturePadding.Pss"/> uses), over 4096-bit keys. JOSE calls it PS512.
/// </summary>
internal static class RsaPssSha512
{
    public const int KeySizeInBits = 4096;
    public const int SignatureLength = KeySizeInBits / 8;
    public const int SaltLength = 64;
    public const string JwsAlgorithm = "PS512";

    public static readonly HashAlgorithmName Hash = HashAlgorithmName.SHA512;
    public static readonly RSASignaturePadding Padding = RSASignaturePadding.Pss;
}
