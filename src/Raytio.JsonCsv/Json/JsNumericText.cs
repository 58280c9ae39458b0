namespace Raytio.JsonCsv.Json;

/// <summary>Whether JavaScript's Number(text) gives a number rather than NaN (blank text gives 0).</summary>
internal static class JsNumericText
{
    public static bool IsNumeric(string text)
    {
        var body = JsText.Trim(text).AsSpan();
        if (body.Length == 0)
        {
            return true;
        }
        if (body.Length > 2 && body[0] == '0' && char.ToLowerInvariant(body[1]) is 'x' or 'o' or 'b')
        {
            return IsRadixDigits(body[2..], char.ToLowerInvariant(body[1]));
        }
        if (body[0] is '+' or '-')
        {
            body = body[1..];
        }
        return body.SequenceEqual("Infinity") || IsDecimal(body);
    }

    private static bool IsRadixDigits(ReadOnlySpan<char> digits, char radix)
    {
        foreach (var c in digits)
        {
            var valid = radix switch
            {
                'x' => char.IsAsciiHexDigit(c),
                'o' => c is >= '0' and <= '7',
                _ => c is '0' or '1',
            };
            if (!valid)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>digits [. digits] or . digits, then an optional exponent; at least one mantissa digit.</summary>
    private static bool IsDecimal(ReadOnlySpan<char> text)
    {
        var i = 0;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }
        if (digits == 0)
        {
            return false;
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }
            var exponentStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
            if (i == exponentStart)
            {
                return false;
            }
        }
        return i == text.Length;
    }
}
