using System.Text;

namespace Raytio.JsonCsv.CsvToJsonCore;

/// <summary>
/// RFC 4180 record parsing over a span of text: fields separated by the field delimiter, optionally wrapped,
/// with doubled wrap strings and line breaks allowed inside wrapped fields. With the default end of line
/// both "\n" and "\r\n" end a record.
/// </summary>
internal sealed class CsvRecordParser
{
    private readonly string _field;
    private readonly string _wrap;
    private readonly string _eol;
    private readonly bool _anyLineBreak;
    private readonly System.Buffers.SearchValues<char> _stopChars;
    private readonly StringBuilder _quoted = new();

    public CsvRecordParser(Delimiters delimiters)
    {
        _field = delimiters.Field;
        _wrap = delimiters.Wrap;
        _eol = delimiters.Eol;
        _anyLineBreak = _eol is "\n" or "\r\n";
        _stopChars = System.Buffers.SearchValues.Create(_anyLineBreak ? [_field[0], '\r', '\n'] : [_field[0], _eol[0]]);
        // Near the end of unfinished data a delimiter may be cut in two, so parsing waits for more text.
        Lookahead = Math.Max(Math.Max(_field.Length, _eol.Length), Math.Max(2 * _wrap.Length, 2));
    }

    public int Lookahead { get; }

    /// <summary>
    /// Parses one record starting at the beginning of <paramref name="text"/>. Returns false when the text ends
    /// before the record does and more input may follow; then nothing is consumed.
    /// </summary>
    /// <param name="line">1-based line of the record's start; advanced past the record's line breaks.</param>
    public bool TryParse(ReadOnlySpan<char> text, bool final, List<string> fields, ref long line, out int consumed)
    {
        fields.Clear();
        consumed = 0;
        var position = 0;
        var lineAtField = line;
        while (true)
        {
            var fieldLine = lineAtField;
            string value;
            if (StartsWith(text, position, _wrap))
            {
                if (!TryReadWrapped(text, final, ref position, ref lineAtField, fieldLine, out value))
                {
                    return false;
                }
            }
            else if (!TryReadPlain(text, final, ref position, out value))
            {
                return false;
            }
            fields.Add(value);
            if (position >= text.Length)
            {
                break;
            }
            if (StartsWith(text, position, _field))
            {
                position += _field.Length;
                continue;
            }
            var eolLength = EolLengthAt(text, position);
            if (eolLength == 0)
            {
                throw new CsvFormatException(lineAtField, "Unexpected text after a closing quote");
            }
            position += eolLength;
            lineAtField++;
            break;
        }
        consumed = position;
        line = lineAtField;
        return true;
    }

    private bool TryReadPlain(ReadOnlySpan<char> text, bool final, ref int position, out string value)
    {
        var start = position;
        while (position < text.Length)
        {
            if (!final && text.Length - position < Lookahead)
            {
                value = string.Empty;
                return false;
            }
            var next = text[position..].IndexOfAny(_stopChars);
            if (next < 0)
            {
                position = text.Length;
                continue;
            }
            position += next;
            if (!final && text.Length - position < Lookahead)
            {
                continue;
            }
            if (StartsWith(text, position, _field) || EolLengthAt(text, position) > 0)
            {
                value = text[start..position].ToString();
                return true;
            }
            position++;
        }
        if (!final)
        {
            position = start;
            value = string.Empty;
            return false;
        }
        value = text[start..].ToString();
        return true;
    }

    private bool TryReadWrapped(ReadOnlySpan<char> text, bool final, ref int position, ref long line, long openingLine, out string value)
    {
        _quoted.Clear();
        var contentStart = position + _wrap.Length;
        var scan = contentStart;
        while (true)
        {
            var close = text[scan..].IndexOf(_wrap.AsSpan());
            if (close < 0 || (!final && text.Length - (scan + close) < Lookahead + _wrap.Length))
            {
                if (final)
                {
                    throw new CsvFormatException(openingLine, "Unbalanced quote: the quoted field opened here is never closed");
                }
                value = string.Empty;
                return false;
            }
            var segment = text.Slice(scan, close);
            _quoted.Append(segment);
            line += segment.Count('\n');
            scan += close + _wrap.Length;
            if (StartsWith(text, scan, _wrap))
            {
                _quoted.Append(_wrap);
                scan += _wrap.Length;
                continue;
            }
            position = scan;
            value = _quoted.ToString();
            return true;
        }
    }

    private int EolLengthAt(ReadOnlySpan<char> text, int position)
    {
        if (_anyLineBreak)
        {
            return StartsWith(text, position, "\r\n") ? 2 : StartsWith(text, position, "\n") ? 1 : 0;
        }
        return StartsWith(text, position, _eol) ? _eol.Length : 0;
    }

    private static bool StartsWith(ReadOnlySpan<char> text, int position, string value) =>
        text.Length - position >= value.Length && text.Slice(position, value.Length).SequenceEqual(value);
}
