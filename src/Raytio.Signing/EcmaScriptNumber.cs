using System.Globalization;

namespace Raytio.Signing;

/// <summary>
/// Serializes doubles the way ECMAScript's Number::toString does (ECMA-262, section "Number::toString"),
/// which RFC 8785 section 3.2.2.3 mandates. The shortest round-trip digits come from .NET's "R" format;
/// the layout (plain, fraction or exponent form) is decided here.
/// </summary>
internal static class EcmaScriptNumber
{
    /// <summary>Longest output: "-0.00000" plus 17 digits, or "-d.dddddddddddddddde-308".</summary>
    public const int MaxLength = 32;

    /// <summary>Integers of up to 15 digits are exact doubles whose ECMAScript form is the digits themselves.</summary>
    private const int MaxVerbatimIntegerDigits = 15;

    /// <summary>Writes the canonical form of a JSON number token.</summary>
    public static void WriteCanonical(ReadOnlySpan<byte> token, PooledByteBuffer output)
    {
        if (IsShortInteger(token))
        {
            // JSON forbids leading zeros, so the only non-canonical short integer is "-0".
            output.Append(token is [(byte)'-', (byte)'0'] ? "0"u8 : token);
            return;
        }

        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new CanonicalizationException($"The number {Describe(token)} cannot be parsed.");
        }
        if (!double.IsFinite(value))
        {
            throw new CanonicalizationException($"The number {Describe(token)} is outside the IEEE 754 double range.");
        }
        output.Advance(Format(value, output.GetSpan(MaxLength)));
    }

    /// <summary>Formats a finite double; returns the number of ASCII bytes written.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new CanonicalizationException($"{value} has no JSON representation.");
        }
        if (value == 0)
        {
            // Covers -0 too: ECMAScript prints both zeros as "0".
            destination[0] = (byte)'0';
            return 1;
        }

        Span<byte> digits = stackalloc byte[MaxLength];
        var (digitCount, pointPosition) = ShortestDigits(Math.Abs(value), digits);
        digits = digits[..digitCount];

        var written = 0;
        if (value < 0)
        {
            destination[written++] = (byte)'-';
        }
        return written + Layout(digits, pointPosition, destination[written..]);
    }

    /// <summary>
    /// Applies ECMAScript's layout rules to digits d1..dk whose value is 0.d1..dk x 10^n
    /// (k = digits.Length, n = <paramref name="n"/>).
    /// </summary>
    private static int Layout(ReadOnlySpan<byte> digits, int n, Span<byte> destination)
    {
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            digits.CopyTo(destination);
            destination.Slice(k, n - k).Fill((byte)'0');
            return n;
        }
        if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(destination);
            destination[n] = (byte)'.';
            digits[n..].CopyTo(destination[(n + 1)..]);
            return k + 1;
        }
        if (-6 < n && n <= 0)
        {
            "0."u8.CopyTo(destination);
            destination.Slice(2, -n).Fill((byte)'0');
            digits.CopyTo(destination[(2 - n)..]);
            return 2 - n + k;
        }

        var written = 0;
        destination[written++] = digits[0];
        if (k > 1)
        {
            destination[written++] = (byte)'.';
            digits[1..].CopyTo(destination[written..]);
            written += k - 1;
        }
        var exponent = n - 1;
        destination[written++] = (byte)'e';
        destination[written++] = exponent < 0 ? (byte)'-' : (byte)'+';
        Math.Abs(exponent).TryFormat(destination[written..], out var exponentLength, default, CultureInfo.InvariantCulture);
        return written + exponentLength;
    }

    /// <summary>
    /// Extracts the shortest round-trip decimal digits of a positive finite double (no leading or
    /// trailing zeros) and n such that the value is 0.digits x 10^n.
    /// </summary>
    private static (int DigitCount, int N) ShortestDigits(double positive, Span<byte> digits)
    {
        // .NET's "R" yields the shortest digits that round-trip, e.g. "1E+21", "1.5E-07", "0.0001", "123.45".
        Span<byte> text = stackalloc byte[MaxLength];
        positive.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
        text = text[..length];

        var count = 0;
        var integerDigits = -1;
        var leadingZeros = 0;
        var index = 0;
        for (; index < text.Length && text[index] != (byte)'E'; index++)
        {
            var c = text[index];
            if (c == (byte)'.')
            {
                integerDigits = count + leadingZeros;
            }
            else if (c == (byte)'0' && count == 0)
            {
                leadingZeros++;
            }
            else
            {
                digits[count++] = c;
            }
        }
        if (integerDigits < 0)
        {
            integerDigits = count + leadingZeros;
        }

        var exponent = 0;
        if (index < text.Length)
        {
            exponent = int.Parse(text[(index + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        while (digits[count - 1] == (byte)'0')
        {
            count--;
        }
        return (count, integerDigits - leadingZeros + exponent);
    }

    private static bool IsShortInteger(ReadOnlySpan<byte> token)
    {
        var digits = token.Length > 0 && token[0] == (byte)'-' ? token[1..] : token;
        return digits.Length <= MaxVerbatimIntegerDigits && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    private static string Describe(ReadOnlySpan<byte> token) =>
        token.Length <= 40 ? System.Text.Encoding.UTF8.GetString(token) : System.Text.Encoding.UTF8.GetString(token[..40]) + "...";
}
