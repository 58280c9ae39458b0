using System.Security.Cryptography;
using System.Text;

namespace Raytio.Server.Features.Organizations;

/// <summary>
/// Invitation codes: ten characters from a cryptographic generator over an alphabet without the
/// look-alikes 0/O and 1/I (32 symbols, 50 bits), easy to type from an email. Only their SHA-256
/// is stored: the code itself is unguessable, so no secret key is needed.
/// </summary>
public static class InviteCodes
{
    public const int Length = 10;

    /// <summary>Longer input cannot be a code and is not hashed.</summary>
    public const int MaximumInputLength = 64;

    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The stored form of a code as a person types it: case, spaces and dashes do not matter.</summary>
    public static string Hash(string code)
    {
        var typed = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                typed.Append(char.ToUpperInvariant(c));
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(typed.ToString())));
    }
}
