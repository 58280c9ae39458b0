using System.Text;

namespace Raytio.JsonCsv.Json;

/// <summary>Writes a <see cref="JsNode"/> exactly as JavaScript's JSON.stringify would (compact, minimal escaping).</summary>
internal static class JsStringify
{
    public static string ToJson(JsNode node, Func<string, string>? arrayStringFilter = null)
    {
        var text = new StringBuilder();
        Write(text, node, arrayStringFilter);
        return text.ToString();
    }

    /// <param name="arrayStringFilter">
    /// Applied to strings inside arrays (not inside objects), where json-2-csv applies trimFieldValues and preventCsvInjection.
    /// </param>
    public static void Write(StringBuilder text, JsNode node, Func<string, string>? arrayStringFilter = null)
    {
        switch (node.Kind)
        {
            case JsKind.Undefined:
            case JsKind.Null:
                text.Append("null");
                break;
            case JsKind.True:
                text.Append("true");
                break;
            case JsKind.False:
                text.Append("false");
                break;
            case JsKind.Number:
                text.Append(JsNumber.Render(node.Text!) ?? "null");
                break;
            case JsKind.String:
                WriteString(text, arrayStringFilter is null ? node.Text! : arrayStringFilter(node.Text!));
                break;
            case JsKind.Array:
                WriteArray(text, node.Items!, arrayStringFilter);
                break;
            case JsKind.Object:
                WriteObject(text, node.Properties!);
                break;
        }
    }

    public static void WriteString(StringBuilder text, ReadOnlySpan<char> value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ' || IsLoneSurrogate(value, i))
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }

    private static void WriteArray(StringBuilder text, List<JsNode> items, Func<string, string>? stringFilter)
    {
        text.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            Write(text, items[i], stringFilter);
        }
        text.Append(']');
    }

    private static void WriteObject(StringBuilder text, JsObject properties)
    {
        text.Append('{');
        var first = true;
        foreach (var (key, value) in properties.Properties)
        {
            // JSON.stringify leaves out undefined properties.
            if (value.Kind == JsKind.Undefined)
            {
                continue;
            }
            if (!first)
            {
                text.Append(',');
            }
            first = false;
            WriteString(text, key);
            text.Append(':');
            Write(text, value);
        }
        text.Append('}');
    }

    private static bool IsLoneSurrogate(ReadOnlySpan<char> value, int i)
    {
        var c = value[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        }
        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
    }
}
