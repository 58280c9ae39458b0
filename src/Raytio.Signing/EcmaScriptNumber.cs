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

    /// <summary>
    /// DBL_DIG: a decimal of up to 15 significant digits survives decimal -> double -> decimal, so no other
    /// decimal of that length names the same double and those digits are the double's shortest digits.
    /// </summary>
    private const int ExactDecimalDigits = 15;

    /// <summary>Most significant digits .NET's shortest round-trip format produces.</summary>
    private const int MaxRoundTripDigits = 17;

    /// <summary>Keeps the fast path clear of the subnormal range, where fewer digits are exact, and of overflow.</summary>
    private const int MaxFastPathMagnitude = 300;

    /// <summary>Writes the canonical form of a JSON number token.</summary>
    public static void WriteCanonical(ReadOnlySpan<byte> token, PooledByteBuffer output)
    {
        Span<byte> digits = stackalloc byte[ExactDecimalDigits];
        if (TryReadDecimal(token, digits, out var count, out var n) && Math.Abs(n) <= MaxFastPathMagnitude)
        {
            output.Advance(count == 0 ? WriteZero(output.GetSpan(1)) : WriteSigned(token[0] == (byte)'-', digits[..count], n, output.GetSpan(MaxLength)));
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
            return WriteZero(destination);
        }

        // .NET's "R" yields the shortest digits that round-trip, e.g. "1E+21", "1.5E-07", "0.0001", "123.45".
        Span<byte> text = stackalloc byte[MaxLength];
        Math.Abs(value).TryFormat(text, out var length, "R", CultureInfo.InvariantCulture);
        Span<byte> digits = stackalloc byte[MaxRoundTripDigits];
        TryReadDecimal(text[..length], digits, out var count, out var n);
        return WriteSigned(value < 0, digits[..count], n, destination);
    }

    private static int WriteZero(Span<byte> destination)
    {
        destination[0] = (byte)'0';
        return 1;
    }

    private static int WriteSigned(bool negative, ReadOnlySpan<byte> digits, int n, Span<byte> destination)
    {
        if (!negative)
        {
            return Layout(digits, n, destination);
        }
        destination[0] = (byte)'-';
        return 1 + Layout(digits, n, destination[1..]);
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
    /// Reads decimal text ("-12.50e3", "1.5E-07") as significant digits d1..dk, without leading or trailing
    /// zeros, and n such that its magnitude is 0.d1..dk x 10^n; k = 0 means zero. False if there are more
    /// significant digits than <paramref name="digits"/> holds or the exponent has over four digits.
    /// </summary>
    private static bool TryReadDecimal(ReadOnlySpan<byte> text, Span<byte> digits, out int count, out int n)
    {
        count = 0;
        n = 0;
        var leadingZeros = 0;
        var pendingZeros = 0;
        var integerDigits = -1;
        var index = text.Length > 0 && text[0] == (byte)'-' ? 1 : 0;
        for (; index < text.Length && text[index] is not ((byte)'e' or (byte)'E'); index++)
        {
            var c = text[index];
            if (c == (byte)'.')
            {
                integerDigits = count + pendingZeros + leadingZeros;
            }
            else if (c == (byte)'0')
            {
                // Zeros only become significant once a non-zero digit follows them.
                if (count == 0)
                {
                    leadingZeros++;
                }
                else
                {
                    pendingZeros++;
                }
            }
            else
            {
                if (count + pendingZeros >= digits.Length)
                {
                    return false;
                }
                digits.Slice(count, pendingZeros).Fill((byte)'0');
                count += pendingZeros;
                pendingZeros = 0;
                digits[count++] = c;
            }
        }
        if (integerDigits < 0)
        {
            integerDigits = count + pendingZeros + leadingZeros;
        }

        var exponent = 0;
        if (index < text.Length)
        {
            var exponentText = text[(index + 1)..];
            if (exponentText.TrimStart("+-"u8).Length > 4)
            {
                return false;
            }
            exponent = int.Parse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        n = integerDigits - leadingZeros + exponent;
        return true;
    }

    private static string Describe(ReadOnlySpan<byte> token) =>
        token.Length <= 40 ? System.Text.Encoding.UTF8.GetString(token) : System.Text.Encoding.UTF8.GetString(token[..40]) + "...";
}
