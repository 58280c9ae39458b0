using System.Globalization;
using System.Text;

namespace Raytio.Signing.Tests;

/// <summary>
/// Deterministically generates JSON documents aimed at canonicalization edge cases: doubles across the
/// whole exponent range (subnormals, the extremes, the 1e21 and 1e-7 layout boundaries, integers near
/// 2^53) in varied spellings, strings mixing escapes, controls and surrogate pairs, keys whose UTF-16
/// order differs from code point order, and deep nesting. Documents contain no line breaks, so they
/// can be streamed one per line.
/// </summary>
internal sealed class TrickyJsonGenerator(int seed)
{
    private static readonly string[] SpecialNumbers =
    [
        "0", "-0", "0.0", "-0.0", "0e0", "0E-5", "1E+2", "1e-0", "1.0", "4.50",
        "5e-324", "-5e-324", "4.9406564584124654e-324", "2.4703282292062328e-324", "2.4703282292062327e-324",
        "2.2250738585072014e-308", "2.225073858507201e-308", "1.7976931348623157e308", "-1.7976931348623157e+308",
        "1.7976931348623158e308", "1e21", "1e+21", "9.999999999999999e20", "999999999999999999999",
        "999999999999999900000", "100000000000000000000", "1e20", "1e-7", "1e-6", "0.000001", "0.0000001",
        "9.999999999999997e-7", "0.00000099999999999999999", "9007199254740991", "9007199254740992",
        "9007199254740993", "-9007199254740993", "9007199254740995", "18014398509481985", "295147905179352825856",
        "333333333.33333329", "1424953923781206.25", "1e23", "9.999999999999997e+22", "0.1", "0.2", "0.3",
        "123456789012345", "1234567890123456", "12345678901234567", "-123456789012345678901234567890",
    ];

    private static readonly int[] InterestingCodePoints =
    [
        0x00, 0x01, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1F, 0x20, 0x22, 0x2F, 0x5C, 0x7F,
        0x80, 0x9F, 0xA0, 0xE9, 0xF6, 0xFF, 0x0301, 0x1E0D, 0x2028, 0x2029, 0x20AC, 0xD7FF, 0xE000,
        0xFB33, 0xFEFF, 0xFFFD, 0xFFFF, 0x10000, 0x1D11E, 0x1F600, 0x1F602, 0x10FFFF,
    ];

    private static readonly string[] SpecialKeys = ["", "__proto__", "constructor", "1", "10", "01", "-1", "a", "A", "aa", "\u00e9", "e\u0301"];

    private readonly Random _random = new(seed);

    /// <summary>Generates one document; with <paramref name="loneSurrogate"/>, one string carries an unpaired surrogate escape.</summary>
    public string Next(bool loneSurrogate)
    {
        var json = new StringBuilder();
        var plantedSurrogate = !loneSurrogate;
        if (_random.Next(200) == 0)
        {
            WriteDeepNest(json, _random.Next(100, JsonCanonicalizer.MaxDepth), ref plantedSurrogate);
        }
        else
        {
            WriteValue(json, depth: _random.Next(3) == 0 ? 5 : 0, ref plantedSurrogate);
        }
        if (!plantedSurrogate)
        {
            json.Insert(0, "[").Append(",\"x\\u" + _random.Next(0xD800, 0xE000).ToString("x4", CultureInfo.InvariantCulture) + "\"]");
        }
        return json.ToString();
    }

    private void WriteDeepNest(StringBuilder json, int levels, ref bool plantedSurrogate)
    {
        var closers = new Stack<string>();
        for (var i = 0; i < levels - 1; i++)
        {
            if (_random.Next(2) == 0)
            {
                json.Append('[');
                closers.Push("]");
            }
            else
            {
                // A sibling after the nested member makes every level need sorting or checking.
                json.Append("{\"m\":");
                closers.Push(_random.Next(2) == 0 ? ",\"a\":" + NextNumber() + "}" : ",\"z\":null}");
            }
        }
        WriteValue(json, depth: 6, ref plantedSurrogate);
        while (closers.Count > 0)
        {
            json.Append(closers.Pop());
        }
    }

    private void WriteValue(StringBuilder json, int depth, ref bool plantedSurrogate)
    {
        var roll = _random.Next(100);
        if (depth >= 6)
        {
            roll %= 70;
        }
        switch (roll)
        {
            case < 35:
                json.Append(NextNumber());
                break;
            case < 60:
                WriteString(json, NextText(ref plantedSurrogate));
                break;
            case < 70:
                json.Append(_random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" });
                break;
            case < 85:
                WriteObject(json, depth + 1, ref plantedSurrogate);
                break;
            default:
                WriteArray(json, depth + 1, ref plantedSurrogate);
                break;
        }
    }

    private void WriteObject(StringBuilder json, int depth, ref bool plantedSurrogate)
    {
        json.Append('{');
        var names = new HashSet<string>(StringComparer.Ordinal);
        var count = _random.Next(7);
        for (var i = 0; i < count; i++)
        {
            var name = _random.Next(8) == 0 ? SpecialKeys[_random.Next(SpecialKeys.Length)] : NextText(ref plantedSurrogate);
            if (!names.Add(name))
            {
                continue;
            }
            if (names.Count > 1)
            {
                json.Append(',');
            }
            WriteWhitespace(json);
            WriteKey(json, name);
            WriteValue(json, depth, ref plantedSurrogate);
        }
        json.Append('}');
    }

    private void WriteArray(StringBuilder json, int depth, ref bool plantedSurrogate)
    {
        json.Append('[');
        var count = _random.Next(7);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }
            WriteWhitespace(json);
            WriteValue(json, depth, ref plantedSurrogate);
        }
        json.Append(']');
    }

    private void WriteKey(StringBuilder json, string name)
    {
        WriteString(json, name);
        WriteWhitespace(json);
        json.Append(':');
        WriteWhitespace(json);
    }

    private void WriteWhitespace(StringBuilder json)
    {
        if (_random.Next(4) == 0)
        {
            json.Append(_random.Next(2) == 0 ? " " : " \t ");
        }
    }

    private string NextNumber()
    {
        var sign = _random.Next(4) == 0 ? "-" : string.Empty;
        switch (_random.Next(8))
        {
            case 0:
                return SpecialNumbers[_random.Next(SpecialNumbers.Length)];
            case 1:
                return Spell(BitConverter.Int64BitsToDouble(_random.NextInt64(1, 1L << 52)) * (sign.Length == 0 ? 1 : -1));
            case 2:
                return Spell(RandomFiniteDouble());
            case 3:
                return sign + ((1L << 53) + _random.Next(-2000, 2000)).ToString(CultureInfo.InvariantCulture);
            case 4:
                return sign + DecimalDigits(_random.Next(1, 26)) + "e" + _random.Next(-345, 285).ToString(CultureInfo.InvariantCulture);
            case 5:
                var whole = DecimalDigits(_random.Next(1, 23));
                return sign + whole + "." + new string('0', _random.Next(0, 3)) + DecimalDigits(_random.Next(1, 20));
            case 6:
                // Powers of ten around the layout switches, and their neighbouring doubles.
                var power = double.Parse("1e" + _random.Next(-26, 26), CultureInfo.InvariantCulture);
                return Spell(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(power) + _random.Next(-2, 3)));
            default:
                return sign + _random.Next(0, 100000).ToString(CultureInfo.InvariantCulture) + (_random.Next(2) == 0 ? "." + _random.Next(0, 1000) : string.Empty);
        }
    }

    private double RandomFiniteDouble()
    {
        while (true)
        {
            var value = BitConverter.Int64BitsToDouble(_random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(value))
            {
                return value;
            }
        }
    }

    /// <summary>Writes a double in one of several spellings that all parse back to it.</summary>
    private string Spell(double value)
    {
        var format = _random.Next(4) switch { 0 => "R", 1 => "E16", 2 => "e17", _ => "G17" };
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    private string DecimalDigits(int count)
    {
        var digits = new StringBuilder(count);
        digits.Append((char)('1' + _random.Next(9)));
        for (var i = 1; i < count; i++)
        {
            digits.Append((char)('0' + _random.Next(10)));
        }
        return digits.ToString();
    }

    /// <summary>Returns decoded text: a mix of ASCII and code points chosen to stress escaping and ordering.</summary>
    private string NextText(ref bool plantedSurrogate)
    {
        var text = new StringBuilder();
        var length = _random.Next(0, 10);
        for (var i = 0; i < length; i++)
        {
            var codePoint = _random.Next(3) == 0
                ? InterestingCodePoints[_random.Next(InterestingCodePoints.Length)]
                : _random.Next(0x20, 0x7F);
            text.Append(char.ConvertFromUtf32(codePoint));
        }
        if (!plantedSurrogate && _random.Next(4) == 0)
        {
            plantedSurrogate = true;
            text.Append((char)_random.Next(0xD800, 0xE000));
        }
        return text.ToString();
    }

    /// <summary>Encodes text as a JSON string literal, choosing randomly among the valid escape forms.</summary>
    private void WriteString(StringBuilder json, string text)
    {
        json.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var isPair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var mustEscape = c < 0x20 || c == '"' || c == '\\' || (char.IsSurrogate(c) && !isPair);
            if (!mustEscape && _random.Next(5) != 0)
            {
                // A pair stays whole: half of it literal would be an unencodable lone surrogate.
                json.Append(c);
                if (isPair)
                {
                    json.Append(text[++i]);
                }
                continue;
            }
            WriteEscaped(json, c);
            if (isPair)
            {
                WriteEscaped(json, text[++i]);
            }
        }
        json.Append('"');
    }

    private void WriteEscaped(StringBuilder json, char c)
    {
        var shortEscape = c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '/' => "\\/",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => null,
        };
        if (shortEscape is not null && _random.Next(2) == 0)
        {
            json.Append(shortEscape);
            return;
        }
        json.Append("\\u").Append(((int)c).ToString(_random.Next(2) == 0 ? "x4" : "X4", CultureInfo.InvariantCulture));
    }
}
