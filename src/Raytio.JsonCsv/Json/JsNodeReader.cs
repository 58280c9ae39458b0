using System.Text.Json;

namespace Raytio.JsonCsv.Json;

/// <summary>Builds <see cref="JsNode"/> trees from UTF-8 JSON, keeping number tokens as text.</summary>
internal static class JsNodeReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };
    private static readonly JsNode ShapeOnlyNumber = JsNode.Number("0");

    /// <summary>Parses one complete JSON value; throws <see cref="JsonException"/> when it is not valid JSON.</summary>
    public static JsNode Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read() || !TryReadValue(ref reader, names: null, shapeOnly: false, out var node))
        {
            throw new JsonException("Incomplete JSON value.");
        }
        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the JSON value.");
        }
        return node;
    }

    /// <summary>Parses a string when it is exactly one JSON value; false otherwise.</summary>
    public static bool TryParse(string text, out JsNode node)
    {
        try
        {
            node = Parse(System.Text.Encoding.UTF8.GetBytes(text));
            return true;
        }
        catch (JsonException)
        {
            node = JsNode.Undefined;
            return false;
        }
    }

    /// <summary>
    /// Reads the value whose first token the reader is on. Returns false when the reader's data ends first
    /// (more input is needed); malformed JSON throws <see cref="JsonException"/>.
    /// </summary>
    /// <param name="names">Shares property name strings between calls.</param>
    /// <param name="shapeOnly">Skips decoding strings and numbers, for passes that only need the keys.</param>
    public static bool TryReadValue(ref Utf8JsonReader reader, NameCache? names, bool shapeOnly, out JsNode node)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return TryReadObject(ref reader, names, shapeOnly, out node);
            case JsonTokenType.StartArray:
                return TryReadArray(ref reader, names, shapeOnly, out node);
            case JsonTokenType.String:
                node = shapeOnly ? JsNode.EmptyString : JsNode.String(reader.GetCheckedString());
                return true;
            case JsonTokenType.Number:
                node = shapeOnly ? ShapeOnlyNumber : JsNode.Number(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
                return true;
            case JsonTokenType.True:
                node = JsNode.True;
                return true;
            case JsonTokenType.False:
                node = JsNode.False;
                return true;
            case JsonTokenType.Null:
                node = JsNode.Null;
                return true;
            default:
                // The reader only stops on a value token here; anything else is a bug of ours, not bad input.
                throw new System.Diagnostics.UnreachableException($"JSON token {reader.TokenType} where a value starts.");
        }
    }

    private static bool TryReadArray(ref Utf8JsonReader reader, NameCache? names, bool shapeOnly, out JsNode node)
    {
        node = JsNode.Undefined;
        var items = new List<JsNode>();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                node = JsNode.Array(items);
                return true;
            }
            if (!TryReadValue(ref reader, names, shapeOnly, out var item))
            {
                return false;
            }
            items.Add(item);
        }
    }

    private static bool TryReadObject(ref Utf8JsonReader reader, NameCache? names, bool shapeOnly, out JsNode node)
    {
        node = JsNode.Undefined;
        var properties = new JsObject();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                node = JsNode.Object(properties);
                return true;
            }
            var key = names is null ? reader.GetCheckedString() : names.GetName(ref reader);
            if (!reader.Read() || !TryReadValue(ref reader, names, shapeOnly, out var value))
            {
                return false;
            }
            properties.Set(key, value);
        }
    }
}
