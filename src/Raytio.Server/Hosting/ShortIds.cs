using System.Security.Cryptography;

namespace Raytio.Server.Hosting;

/// <summary>
/// Short random identifiers people may type or see in a URL (short links, request short codes):
/// lower-case letters and digits from a cryptographic generator, never sequential, so knowing
/// one tells nothing about another. Ten characters are 36^10 ≈ 3.7e15 values: with a million
/// stored, a guess hits one with probability below 3e-10.
/// </summary>
public static class ShortIds
{
    public const int Length = 10;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Whether the text could be an id this class made (checked before a lookup).</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.AsSpan().IndexOfAnyExcept(Alphabet) < 0;
}
