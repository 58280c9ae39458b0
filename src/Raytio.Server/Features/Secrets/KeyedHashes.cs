using System.Security.Cryptography;
using System.Text;

namespace Raytio.Server.Features.Secrets;

/// <summary>
/// Keyed hashes of short secrets (codes) and personal values under a named server secret:
/// HMAC-SHA256 as lower-case hex. A plain hash of a six-digit code falls to a million guesses;
/// the keyed one needs the secret too. Compared in constant time.
/// </summary>
public static class KeyedHashes
{
    public static async Task<string> HashAsync(this ServerSecrets secrets, string secretName, string text, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await secrets.GetAsync(secretName, cancellationToken), Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether two hex hashes are equal, in time that does not depend on where they differ.</summary>
    public static bool Same(string presented, string stored) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(stored));
}
