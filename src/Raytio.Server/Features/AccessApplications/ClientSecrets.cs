using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Raytio.Server.Features.Secrets;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>
/// The client_credentials pair of an application: a key (its client_id, stored) and a secret of 32
/// random bytes, base64url, answered once; only the secret's SHA-256 is kept. A plain hash is
/// enough (no slow password hash): the secret carries 256 random bits, so it cannot be guessed
/// from its hash.
/// </summary>
public static class ClientSecrets
{
    public const int KeyLength = 28;

    private const string KeyAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public sealed record Pair(string Key, string Secret, string SecretHash);

    public static Pair New()
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new Pair(RandomNumberGenerator.GetString(KeyAlphabet, KeyLength), secret, Hash(secret));
    }

    public static string Hash(string secret) => SecretHashes.OfRandom(secret);

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string secret, string? storedHash) => storedHash is not null && SecretHashes.Same(Hash(secret), storedHash);

    /// <summary>
    /// What an application's token carries to tie it to the secret it was issued for: a hash of
    /// the stored hash, so rotating the secret or deleting the application ends its tokens.
    /// </summary>
    public static string StampOf(string storedHash) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("stamp:" + storedHash)))[..32];
}
