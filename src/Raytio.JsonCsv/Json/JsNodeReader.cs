using System.Text.Json;

namespace Raytio.JsonCsv.Json;

/// <summary>Builds <see cref="JsNode"/> trees from UTF-8 JSON, keeping number tokens as text.</summary>
public static class JsNodeReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <summary>Parses one complete JSON value; throws <see cref="JsonException"/> when it is not valid JSON.</summary>
    public static JsNode Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("Empty JSON value.");
        }
        var node = ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the JSON value.");
        }
        return node;
    }

    /// <summary>Parses a string when it is exactly one JSON value; false otherwise.</summary>
    public static bool TryParse(string text, out JsNode node)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        try
        {
            node = Parse(bytes);
            return true;
        }
        catch (JsonException)
        {
            node = JsNode.Undefined;
            return false;
        }
    }

    /// <summary>Reads the value whose first token the reader is positioned on.</summary>
    public static JsNode ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                var items = new List<JsNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }
                return JsNode.Array(items);
            case JsonTokenType.String:
                return JsNode.String(reader.GetString()!);
            case JsonTokenType.Number:
                return JsNode.Number(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return JsNode.True;
            case JsonTokenType.False:
                return JsNode.False;
            case JsonTokenType.Null:
                return JsNode.Null;
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    private static JsNode ReadObject(ref Utf8JsonReader reader)
    {
        var properties = new JsObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            properties.Set(key, ReadValue(ref reader));
        }
        return JsNode.Object(properties);
    }
}
