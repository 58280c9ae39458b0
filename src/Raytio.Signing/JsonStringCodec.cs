using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;

namespace Raytio.Signing;

/// <summary>Decodes JSON string escapes and re-encodes strings with the escaping RFC 8785 section 3.2.2.2 prescribes.</summary>
internal static class JsonStringCodec
{
    /// <summary>Bytes that cannot appear literally in a JSON string: controls below 0x20, '"' and '\\'.</summary>
    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    private static readonly byte[] LowerHex = "0123456789abcdef"u8.ToArray();

    /// <summary>
    /// Checks the raw bytes between the quotes are well-formed UTF-8: the JSON reader does not,
    /// and a signature over invalid text would be unverifiable by other implementations.
    /// </summary>
    public static void ValidateUtf8(ReadOnlySpan<byte> raw, long offset)
    {
        if (!Utf8.IsValid(raw))
        {
            throw new CanonicalizationException($"A string at byte offset {offset} is not valid UTF-8.");
        }
    }

    /// <summary>Appends the decoded UTF-8 value of a raw, escaped JSON string; rejects lone surrogates.</summary>
    public static void Unescape(ReadOnlySpan<byte> raw, PooledByteBuffer decoded, long offset)
    {
        while (true)
        {
            var backslash = raw.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                decoded.Append(raw);
                return;
            }
            decoded.Append(raw[..backslash]);
            var escape = raw[backslash + 1];
            raw = raw[(backslash + 2)..];
            if (escape != (byte)'u')
            {
                decoded.Append(SimpleEscapeValue(escape));
                continue;
            }

            var unit = ReadHex4(raw);
            raw = raw[4..];
            int codePoint = unit;
            if (char.IsHighSurrogate((char)unit))
            {
                if (raw.Length < 6 || raw[0] != (byte)'\\' || raw[1] != (byte)'u' || !char.IsLowSurrogate((char)ReadHex4(raw[2..])))
                {
                    throw LoneSurrogate(unit, offset);
                }
                codePoint = char.ConvertToUtf32((char)unit, (char)ReadHex4(raw[2..]));
                raw = raw[6..];
            }
            else if (char.IsLowSurrogate((char)unit))
            {
                throw LoneSurrogate(unit, offset);
            }

            decoded.Advance(new Rune(codePoint).EncodeToUtf8(decoded.GetSpan(4)));
        }
    }

    /// <summary>Appends a decoded UTF-8 string as a canonical JSON string literal, quotes included.</summary>
    public static void WriteQuoted(ReadOnlySpan<byte> value, PooledByteBuffer output)
    {
        output.Append((byte)'"');
        while (true)
        {
            var special = value.IndexOfAny(NeedsEscape);
            if (special < 0)
            {
                output.Append(value);
                break;
            }
            output.Append(value[..special]);
            WriteEscape(value[special], output);
            value = value[(special + 1)..];
        }
        output.Append((byte)'"');
    }

    private static void WriteEscape(byte c, PooledByteBuffer output)
    {
        var shortForm = c switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            0x08 => (byte)'b',
            0x0C => (byte)'f',
            0x0A => (byte)'n',
            0x0D => (byte)'r',
            0x09 => (byte)'t',
            _ => (byte)0,
        };
        if (shortForm != 0)
        {
            output.Append([(byte)'\\', shortForm]);
            return;
        }
        output.Append([(byte)'\\', (byte)'u', (byte)'0', (byte)'0', LowerHex[c >> 4], LowerHex[c & 0xF]]);
    }

    private static byte SimpleEscapeValue(byte escape) => escape switch
    {
        (byte)'b' => 0x08,
        (byte)'f' => 0x0C,
        (byte)'n' => 0x0A,
        (byte)'r' => 0x0D,
        (byte)'t' => 0x09,
        // '"', '\\' and '/' stand for themselves; the reader already rejected any other escape.
        _ => escape,
    };

    private static int ReadHex4(ReadOnlySpan<byte> hex)
    {
        // The reader guarantees four hex digits after "\u".
        Utf8Parser.TryParse(hex[..4], out ushort value, out _, 'X');
        return value;
    }

    private static CanonicalizationException LoneSurrogate(int unit, long offset) =>
        new($"The string at byte offset {offset} contains the lone surrogate \\u{unit:x4}; RFC 8785 requires well-formed Unicode.");
}
