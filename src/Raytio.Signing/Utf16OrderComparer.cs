namespace Raytio.Signing;

/// <summary>
/// Orders UTF-8 strings as their UTF-16 code unit sequences would sort (RFC 8785 section 3.2.3)
/// without transcoding. UTF-8 byte order equals code point order, which equals UTF-16 order except
/// that U+E000..U+FFFF sorts after supplementary characters (encoded as surrogates D800..DFFF) in UTF-16.
/// </summary>
internal static class Utf16OrderComparer
{
    public static int Compare(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var diff = left.CommonPrefixLength(right);
        if (diff == left.Length || diff == right.Length)
        {
            return left.Length - right.Length;
        }

        // Both differing bytes lie in code points starting at the same index; find their lead bytes.
        var lead = diff;
        while (lead > 0 && IsContinuation(left[lead]))
        {
            lead--;
        }
        var leftHighBmp = IsHighBmpLead(left[lead]);
        var rightHighBmp = IsHighBmpLead(right[lead]);
        if (leftHighBmp && IsSupplementaryLead(right[lead]))
        {
            return 1;
        }
        if (rightHighBmp && IsSupplementaryLead(left[lead]))
        {
            return -1;
        }
        return left[diff] - right[diff];
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    /// <summary>Lead bytes of U+E000..U+FFFF.</summary>
    private static bool IsHighBmpLead(byte b) => b is 0xEE or 0xEF;

    /// <summary>Lead bytes of U+10000 and above.</summary>
    private static bool IsSupplementaryLead(byte b) => b >= 0xF0;
}
