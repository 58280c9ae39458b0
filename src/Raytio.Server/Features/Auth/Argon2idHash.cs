using System.Globalization;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Argon2id password hashes (libsodium through NSec) in the PHC string format that libsodium,
/// argon2-cffi and others share: <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>, base64 without
/// padding. The parameters travel with the hash, so old hashes verify after a change of settings.
/// </summary>
public sealed record Argon2idHash(int MemoryKiB, int Passes, byte[] Salt, byte[] Hash)
{
    public const string Prefix = "$argon2id$";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static Argon2idHash Create(string password, int memoryKiB, int passes)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new Argon2idHash(memoryKiB, passes, salt, Derive(password, salt, memoryKiB, passes, HashBytes));
    }

    public bool Matches(string password) =>
        CryptographicOperations.FixedTimeEquals(Derive(password, Salt, MemoryKiB, Passes, Hash.Length), Hash);

    public override string ToString() =>
        $"{Prefix}v=19$m={MemoryKiB},t={Passes},p=1${Unpadded(Salt)}${Unpadded(Hash)}";

    /// <summary>Null when the text is not an Argon2id hash of ours (e.g. a PBKDF2 hash to upgrade).</summary>
    public static Argon2idHash? TryParse(string text)
    {
        var parts = text.Split('$');
        // "", "argon2id", "v=19", "m=..,t=..,p=1", salt, hash
        if (parts.Length != 6 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return null;
        }
        var parameters = parts[3].Split(',');
        if (parameters.Length != 3 || parameters[2] != "p=1"
            || !TryReadNumber(parameters[0], "m=", out var memory) || !TryReadNumber(parameters[1], "t=", out var passes))
        {
            return null;
        }
        var salt = FromUnpadded(parts[4]);
        var hash = FromUnpadded(parts[5]);
        return salt is { Length: SaltBytes } && hash is { Length: >= 16 } ? new Argon2idHash(memory, passes, salt, hash) : null;
    }

    private static byte[] Derive(string password, byte[] salt, int memoryKiB, int passes, int length) =>
        PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = memoryKiB, NumberOfPasses = passes })
            .DeriveBytes(password, salt, length);

    private static bool TryReadNumber(string text, string name, out int value)
    {
        value = 0;
        return text.StartsWith(name, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(name.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
    }

    private static string Unpadded(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[]? FromUnpadded(string text)
    {
        var padded = text + new string('=', (4 - text.Length % 4) % 4);
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}
