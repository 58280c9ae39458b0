using System.Security.Cryptography;
using System.Text;

namespace Raytio.Server.Features.Secrets;

/// <summary>
/// Hashes kept in place of secrets, as lower-case hex, compared in constant time. A short secret
/// (a code) or a personal value is hashed keyed, HMAC-SHA256 under a named server secret: a plain
/// hash of a six-digit code falls to a million guesses. A secret of 256 random bits (a client
/// secret, an OAuth state) cannot be guessed from its plain SHA-256, which needs no key.
/// </summary>
public static class SecretHashes
{
    public static async Task<string> HashAsync(this ServerSecrets secrets, string secretName, string text, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await secrets.GetAsync(secretName, cancellationToken), Encoding.UTF8.GetBytes(text)));

    /// <summary>The plain SHA-256 of a random secret of full strength.</summary>
    public static string OfRandom(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether two ASCII values (hashes, challenges) are equal, in time that does not depend on where they differ.</summary>
    public static bool Same(string presented, string stored) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(stored));
}
