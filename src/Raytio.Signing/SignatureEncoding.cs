namespace Raytio.Signing;

/// <summary>Signatures travel as standard base64 (RFC 4648 section 4, padded).</summary>
internal static class SignatureEncoding
{
    private const int StackLimit = 2048;

    public static string Encode(byte[] signature) => Convert.ToBase64String(signature);

    /// <summary>
    /// Decodes base64, ignoring whitespace and line breaks, and also the two characters backslash and 'n'
    /// (line breaks copied from a JSON string literal, as in the API reference's examples).
    /// </summary>
    /// <exception cref="SignatureFormatException">Not base64.</exception>
    public static byte[] Decode(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        Span<char> cleaned = signature.Length <= StackLimit ? stackalloc char[signature.Length] : new char[signature.Length];
        var length = 0;
        for (var i = 0; i < signature.Length; i++)
        {
            var c = signature[i];
            if (c == '\\' && i + 1 < signature.Length && signature[i + 1] == 'n')
            {
                i++;
            }
            else if (!char.IsWhiteSpace(c))
            {
                cleaned[length++] = c;
            }
        }
        if (length == 0)
        {
            throw new SignatureFormatException("The signature is empty.");
        }

        var bytes = new byte[length / 4 * 3 + 3];
        if (!Convert.TryFromBase64Chars(cleaned[..length], bytes, out var written))
        {
            throw new SignatureFormatException("The signature is not valid base64.");
        }
        return bytes[..written];
    }
}
