using System.Text;
using System.Text.Json;
using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// Writes a document's CSV fields straight from the reader's tokens when the value options leave values as
/// they are: only values on the columns' paths are decoded, into one reused buffer, and no object tree is
/// built. Lookups follow <see cref="PathEvaluator"/>. A document this cannot handle (a repeated name on a
/// column path, a column path through an array, a non-empty object in a column) gets <see cref="TokenScan.UseTree"/>.
/// </summary>
internal sealed class TokenRowWriter
{
    private readonly KeyNode _root = new();
    private readonly KeyNode[][] _columnPaths;
    private readonly Stack<(KeyNode Node, KeyNode? Previous)> _open = new();
    private readonly StringBuilder _json = new();
    private char[] _text = new char[4096];
    private int _textLength;
    private int _document;

    public TokenRowWriter(List<Column> columns)
    {
        _columnPaths = columns.Select(column => PathNodes(column.Key.Segments)).ToArray();
        foreach (var path in _columnPaths)
        {
            path[^1].IsColumn = true;
        }
    }

    public static bool Supports(Json2CsvOptions options) =>
        !options.UnwindArrays && !options.ExpandArrayObjects && !options.TrimFieldValues && !options.PreventCsvInjection
        && !options.WrapBooleans && options.EmptyFieldValue is null;

    public TokenScan TryWrite(ref Utf8JsonReader reader, StringBuilder line, CsvFieldFormatter formatter, string fieldDelimiter)
    {
        var scan = Scan(ref reader);
        if (scan != TokenScan.Done)
        {
            return scan;
        }
        for (var i = 0; i < _columnPaths.Length; i++)
        {
            if (i > 0)
            {
                line.Append(fieldDelimiter);
            }
            formatter.AppendText(line, FieldText(_columnPaths[i]));
        }
        return TokenScan.Done;
    }

    private KeyNode[] PathNodes(string[] segments)
    {
        var nodes = new KeyNode[segments.Length];
        var node = _root;
        for (var i = 0; i < segments.Length; i++)
        {
            nodes[i] = node = node.Child(segments[i]);
        }
        return nodes;
    }

    /// <summary>The field text as <see cref="PathEvaluator.Evaluate"/> and the formatter would give it.</summary>
    private ReadOnlySpan<char> FieldText(KeyNode[] path)
    {
        var last = path.Length - 1;
        for (var i = 0; i < last; i++)
        {
            var node = path[i];
            if (node.Document != _document || node.Value.IsFalsy)
            {
                return "null";
            }
            if (node.Value.Kind != JsKind.Object)
            {
                return "undefined";
            }
        }
        var leaf = path[last];
        if (leaf.Document != _document)
        {
            return "undefined";
        }
        return leaf.Value.Kind switch
        {
            JsKind.Null => "null",
            JsKind.True => "true",
            JsKind.False => "false",
            _ => _text.AsSpan(leaf.Value.TextStart, leaf.Value.TextLength),
        };
    }

    private TokenScan Scan(ref Utf8JsonReader reader)
    {
        // A new number per attempt, so stamps from an attempt that ran out of data do not look like repeats.
        _document++;
        _textLength = 0;
        _open.Clear();
        var current = _root;
        KeyNode? previous = null;
        while (true)
        {
            if (!reader.Read())
            {
                return TokenScan.NeedMoreData;
            }
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                if (_open.Count == 0)
                {
                    return TokenScan.Done;
                }
                (current, previous) = _open.Pop();
                continue;
            }
            // Names off the columns' paths are skipped; order and array-index names do not affect lookups.
            var key = current.NextChild(ref reader, add: false, previous);
            if (!reader.Read())
            {
                return TokenScan.NeedMoreData;
            }
            if (key is null)
            {
                if (!reader.TrySkip())
                {
                    return TokenScan.NeedMoreData;
                }
                continue;
            }
            // JSON.parse keeps the last of repeated names.
            if (key.Document == _document)
            {
                return TokenScan.UseTree;
            }
            key.Document = _document;
            previous = key;
            TokenScan scan;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when !key.IsColumn:
                    key.Value = new TokenValue(JsKind.Object, IsFalsy: false, 0, 0);
                    _open.Push((current, previous));
                    current = key;
                    previous = null;
                    continue;
                case JsonTokenType.StartObject when key.HasChildren:
                    return TokenScan.UseTree;
                case JsonTokenType.StartObject:
                    scan = ReadEmptyObject(ref reader, key);
                    break;
                case JsonTokenType.StartArray when key.HasChildren:
                    return TokenScan.UseTree;
                case JsonTokenType.StartArray:
                    scan = ReadArray(ref reader, key);
                    break;
                default:
                    ReadScalar(ref reader, key);
                    continue;
            }
            if (scan != TokenScan.Done)
            {
                return scan;
            }
        }
    }

    private TokenScan ReadEmptyObject(ref Utf8JsonReader reader, KeyNode key)
    {
        if (!reader.Read())
        {
            return TokenScan.NeedMoreData;
        }
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return TokenScan.UseTree;
        }
        key.Value = new TokenValue(JsKind.Object, IsFalsy: false, AppendText("{}"), 2);
        return TokenScan.Done;
    }

    /// <summary>JSON.stringify text of an array of scalars and arrays; an object inside needs the tree.</summary>
    private TokenScan ReadArray(ref Utf8JsonReader reader, KeyNode key)
    {
        _json.Clear();
        var depth = 0;
        while (true)
        {
            if (reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.StartObject) && _json.Length > 0 && _json[^1] != '[')
            {
                _json.Append(',');
            }
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    _json.Append('[');
                    depth++;
                    break;
                case JsonTokenType.EndArray:
                    _json.Append(']');
                    depth--;
                    break;
                case JsonTokenType.String:
                    var start = DecodeString(ref reader);
                    JsStringify.WriteString(_json, _text.AsSpan(start, _textLength - start));
                    _textLength = start;
                    break;
                case JsonTokenType.Number:
                    var number = Encoding.UTF8.GetString(reader.ValueSpan);
                    _json.Append(JsNumber.Render(number) ?? "null");
                    break;
                case JsonTokenType.True:
                    _json.Append("true");
                    break;
                case JsonTokenType.False:
                    _json.Append("false");
                    break;
                case JsonTokenType.Null:
                    _json.Append("null");
                    break;
                default:
                    return TokenScan.UseTree;
            }
            if (depth == 0)
            {
                break;
            }
            if (!reader.Read())
            {
                return TokenScan.NeedMoreData;
            }
        }
        EnsureText(_json.Length);
        _json.CopyTo(0, _text.AsSpan(_textLength), _json.Length);
        key.Value = new TokenValue(JsKind.Array, IsFalsy: false, _textLength, _json.Length);
        _textLength += _json.Length;
        return TokenScan.Done;
    }

    private void ReadScalar(ref Utf8JsonReader reader, KeyNode key)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var start = DecodeString(ref reader);
                key.Value = new TokenValue(JsKind.String, IsFalsy: _textLength == start, start, _textLength - start);
                break;
            case JsonTokenType.Number when reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0:
                // An integer keeps its digits (JsNumber.Render), so it needs no string.
                var digits = reader.ValueSpan is [(byte)'-', (byte)'0'] ? "0"u8 : reader.ValueSpan;
                EnsureText(digits.Length);
                Ascii.ToUtf16(digits, _text.AsSpan(_textLength), out var written);
                key.Value = new TokenValue(JsKind.Number, digits.IndexOfAnyInRange((byte)'1', (byte)'9') < 0, _textLength, written);
                _textLength += written;
                break;
            case JsonTokenType.Number:
                var token = Encoding.UTF8.GetString(reader.ValueSpan);
                var text = JsNumber.Render(token) ?? token;
                key.Value = new TokenValue(JsKind.Number, JsNumber.IsZero(token), AppendText(text), text.Length);
                break;
            case JsonTokenType.True:
                key.Value = new TokenValue(JsKind.True, IsFalsy: false, 0, 0);
                break;
            case JsonTokenType.False:
                key.Value = new TokenValue(JsKind.False, IsFalsy: true, 0, 0);
                break;
            default:
                key.Value = new TokenValue(JsKind.Null, IsFalsy: true, 0, 0);
                break;
        }
    }

    /// <summary>Decodes the string token onto the end of the text buffer; returns where it starts.</summary>
    private int DecodeString(ref Utf8JsonReader reader)
    {
        // Never more UTF-16 chars than UTF-8 bytes, escapes included. Decoding also rejects invalid UTF-8.
        EnsureText(reader.ValueSpan.Length);
        var start = _textLength;
        _textLength += reader.CopyCheckedString(_text.AsSpan(_textLength));
        return start;
    }

    private int AppendText(string text)
    {
        EnsureText(text.Length);
        var start = _textLength;
        text.CopyTo(_text.AsSpan(start));
        _textLength += text.Length;
        return start;
    }

    private void EnsureText(int extra)
    {
        if (_textLength + extra > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + extra));
        }
    }
}
