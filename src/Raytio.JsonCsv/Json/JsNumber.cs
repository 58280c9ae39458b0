using System.Globalization;
using System.Text;

namespace Raytio.JsonCsv.Json;

/// <summary>
/// Renders JSON number text the way JavaScript's Number#toString does, except where that would change the
/// value: integers always keep their exact digits (JavaScript rounds them beyond 2^53 and switches to
/// exponent notation from 1e21), and decimals whose digits a double cannot hold are kept verbatim.
/// </summary>
internal static class JsNumber
{
    /// <summary>Text for a valid JSON number token, or null when the number overflows a double.</summary>
    public static string? Render(string token)
    {
        if (IsInteger(token))
        {
            return token == "-0" ? "0" : token;
        }
        if (IsAlreadyShortestPlainDecimal(token))
        {
            return token;
        }
        var value = double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            return null;
        }
        if (value == 0)
        {
            return IsZero(token) ? "0" : token;
        }
        var shortest = Decompose(value.ToString("R", CultureInfo.InvariantCulture));
        var exact = Decompose(token);
        return shortest == exact ? FormatLikeJavaScript(shortest) : token;
    }

    public static bool IsZero(string token)
    {
        foreach (var c in token)
        {
            if (c is 'e' or 'E')
            {
                return true;
            }
            if (c is >= '1' and <= '9')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsInteger(string token) => token.AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    /// <summary>
    /// Fast path for the common case: a plain decimal without exponent or trailing zeros, with at most 15
    /// significant digits (so no shorter decimal names the same double) and in the range JavaScript prints
    /// without exponent, is already exactly what Number#toString gives.
    /// </summary>
    private static bool IsAlreadyShortestPlainDecimal(string token)
    {
        var body = token.AsSpan(token.StartsWith('-') ? 1 : 0);
        var point = body.IndexOf('.');
        if (point < 0 || body.IndexOfAny('e', 'E') >= 0 || body[^1] == '0' || point > 21)
        {
            return false;
        }
        var integerPart = body[..point];
        var fraction = body[(point + 1)..];
        var significant = integerPart is "0" ? fraction.TrimStart('0').Length : integerPart.Length + fraction.Length;
        var leadingFractionZeros = fraction.Length - fraction.TrimStart('0').Length;
        return significant <= 15 && (integerPart is not "0" || leadingFractionZeros < 6);
    }

    /// <summary>Sign, significant digits without leading or trailing zeros, and the decimal point position n (value = 0.digits × 10^n).</summary>
    private static (bool Negative, string Digits, int PointPosition) Decompose(string number)
    {
        var negative = number.StartsWith('-');
        var body = negative ? number[1..] : number;
        var exponentAt = body.IndexOfAny(['e', 'E']);
        var exponent = exponentAt < 0 ? 0 : int.Parse(body[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? body : body[..exponentAt];
        var pointAt = mantissa.IndexOf('.');
        var integerDigits = pointAt < 0 ? mantissa.Length : pointAt;
        var digits = pointAt < 0 ? mantissa : mantissa.Remove(pointAt, 1);
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (negative, digits, integerDigits - leadingZeros + exponent);
    }

    private static string FormatLikeJavaScript((bool Negative, string Digits, int PointPosition) number)
    {
        var (negative, digits, n) = number;
        var k = digits.Length;
        var text = new StringBuilder(k + 8);
        if (negative)
        {
            text.Append('-');
        }
        if (k <= n && n <= 21)
        {
            text.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            text.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            text.Append(digits[0]);
            if (k > 1)
            {
                text.Append('.').Append(digits, 1, k - 1);
            }
            text.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
