using System.Text;
using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>Turns a looked-up value into CSV field text, applying json-2-csv's value options and quoting.</summary>
internal sealed class CsvFieldFormatter(Json2CsvOptions options)
{
    private readonly Delimiters _delimiters = options.Delimiter;
    private readonly bool _quoteOnCustomEol = options.Delimiter.Eol is not ("\n" or "\r\n");
    private readonly bool _cleansStrings = options.TrimFieldValues || options.PreventCsvInjection;

    private readonly JsNode? _emptyFieldValue = options.EmptyFieldValue is { } value
        ? JsNodeReader.Parse(Encoding.UTF8.GetBytes(value.GetRawText()))
        : null;

    // With one-character delimiters and a standard end of line, one vectorized scan decides the wrapping.
    private readonly System.Buffers.SearchValues<char>? _singleCharSpecials =
        options.Delimiter is { Field.Length: 1, Wrap.Length: 1, Eol: "\n" or "\r\n" }
            ? System.Buffers.SearchValues.Create([options.Delimiter.Field[0], options.Delimiter.Wrap[0], '\n', '\r'])
            : null;

    public void AppendValue(StringBuilder line, JsNode value)
    {
        if (options.ExpandArrayObjects && value.Kind == JsKind.Array)
        {
            value = CollapseArray(value);
        }
        if (_emptyFieldValue is not null
            && (value.IsNullOrUndefined || value is { Kind: JsKind.String, Text.Length: 0 }))
        {
            value = _emptyFieldValue;
        }
        var text = ToText(value);
        // json-2-csv wraps the strings "true" and "false" as well as booleans.
        if (options.WrapBooleans && value.Kind is JsKind.True or JsKind.False or JsKind.String && text is "true" or "false")
        {
            line.Append(_delimiters.Wrap).Append(text).Append(_delimiters.Wrap);
            return;
        }
        AppendText(line, text);
    }

    /// <summary>Appends text, wrapping it when it holds a delimiter, the wrap string or a line break.</summary>
    public void AppendText(StringBuilder line, ReadOnlySpan<char> text)
    {
        if (!NeedsWrap(text))
        {
            line.Append(text);
            return;
        }
        var wrap = _delimiters.Wrap;
        line.Append(wrap);
        for (var at = text.IndexOf(wrap, StringComparison.Ordinal); at >= 0; at = text.IndexOf(wrap, StringComparison.Ordinal))
        {
            line.Append(text[..(at + wrap.Length)]).Append(wrap);
            text = text[(at + wrap.Length)..];
        }
        line.Append(text).Append(wrap);
    }

    private bool NeedsWrap(ReadOnlySpan<char> text) => _singleCharSpecials is not null
        ? text.IndexOfAny(_singleCharSpecials) >= 0
        : text.Contains(_delimiters.Field, StringComparison.Ordinal)
        || text.Contains(_delimiters.Wrap, StringComparison.Ordinal)
        || text.IndexOfAny('\n', '\r') >= 0
        // json-2-csv ignores a custom end of line inside values, which makes such CSV unreadable.
        || (_quoteOnCustomEol && text.Contains(_delimiters.Eol, StringComparison.Ordinal));

    private string ToText(JsNode value) => value.Kind switch
    {
        JsKind.Undefined => "undefined",
        JsKind.Null => "null",
        JsKind.True => "true",
        JsKind.False => "false",
        JsKind.Number => JsNumber.Render(value.Text!) ?? value.Text!,
        JsKind.String => CleanString(value.Text!),
        JsKind.Array => JsStringify.ToJson(value, _cleansStrings ? CleanString : null),
        _ => JsStringify.ToJson(value),
    };

    private string CleanString(string text)
    {
        if (options.TrimFieldValues)
        {
            text = JsText.Trim(text);
        }
        return options.PreventCsvInjection ? CsvInjection.Strip(text) : text;
    }

    /// <summary>With expandArrayObjects json-2-csv drops empty items, outputs an empty array as "" and a single item by itself.</summary>
    private static JsNode CollapseArray(JsNode array)
    {
        var items = array.Items!.Where(item => !item.IsNullOrUndefined && item is not { Kind: JsKind.String, Text.Length: 0 }).ToList();
        return items.Count switch
        {
            0 => JsNode.EmptyString,
            1 => items[0],
            _ => JsNode.Array(items),
        };
    }
}
