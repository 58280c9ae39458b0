using System.Globalization;
using System.Text.Json.Nodes;

namespace Raytio.Server.Tests.Schemas;

/// <summary>
/// Seeded random draft-07 schemas over every validation keyword, and documents shaped like them
/// (their property names, values near their limits), so that most documents are interesting: some
/// pass, some fail one keyword. Numbers and strings come from pools of edge cases.
/// </summary>
internal sealed class RandomSchemas(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Names = ["a", "b", "name", "n", "list", "x y", "é"];
    private static readonly string[] Patterns = ["^[a-z]+$", "^\\d{2,4}$", "b", "^$", "^[A-Z][a-z]*\\s?", "^\\p{L}+$", "\\w+@\\w+", "^(ab)*$"];
    private static readonly string[] Formats = ["date", "email", "ipv4", "ipv6", "uri", "hostname", "date-time", "time", "json-pointer"];
    /// <summary>Distinct values (draft-07 wants the values of an enum unique).</summary>
    private static readonly string[] EnumPool = ["\"a\"", "1", "true", "null", "\"b\"", "2.5", "{\"a\":1}", "[1]", "\"\""];

    private static readonly string[] TypeNames = ["object", "array", "string", "number", "integer", "boolean", "null"];

    /// <summary>Numbers as JSON text: sent as written to the server and to ajv.</summary>
    private static readonly string[] NumberPool = ["0", "1", "-1", "2", "3", "10", "1.5", "-2.5", "100", "0.5", "7", "1e2", "-0", "1.0", "2.0", "42", "255"];

    private static readonly string[] StringPool =
    [
        "", "a", "ab", "abc", "abab", "Hello", "hello world", "12", "1234", "12345", "x@y", "a@b.co", "not an email",
        "2026-02-28", "2026-02-30", "2026-02-28T10:00:00Z", "10:00:00Z", "192.168.0.1", "256.1.1.1", "::1", "https://example.com/a", "/a/b", "a~b",
        "example.com", "ÀÉ", "é", "日本",
    ];

    public JsonObject Schema(int depth = 0)
    {
        var schema = new JsonObject();
        var kind = Pick(TypeNames);
        if (_random.Next(5) > 0)
        {
            schema["type"] = _random.Next(6) == 0 ? new JsonArray(kind, Pick([.. TypeNames.Where(t => t != kind)])) : kind;
        }
        switch (kind)
        {
            case "object":
                Object(schema, depth);
                break;
            case "array":
                Array(schema, depth);
                break;
            case "string":
                String(schema);
                break;
            case "number" or "integer":
                Number(schema);
                break;
        }
        if (depth < 2 && _random.Next(6) == 0)
        {
            schema[Pick(["allOf", "anyOf", "oneOf"])] = new JsonArray(Schema(depth + 1), Schema(depth + 1));
        }
        if (depth < 2 && _random.Next(10) == 0)
        {
            schema["not"] = Schema(depth + 1);
        }
        if (depth < 2 && _random.Next(10) == 0)
        {
            schema["if"] = Schema(depth + 1);
            schema["then"] = Schema(depth + 1);
            schema["else"] = Schema(depth + 1);
        }
        if (_random.Next(12) == 0)
        {
            schema["enum"] = new JsonArray([.. EnumPool.OrderBy(_ => _random.Next()).Take(3).Select(value => JsonNode.Parse(value))]);
        }
        if (_random.Next(20) == 0)
        {
            schema["const"] = Value();
        }
        return schema;
    }

    private void Object(JsonObject schema, int depth)
    {
        var properties = new JsonObject();
        foreach (var name in Names.Where(_ => _random.Next(3) == 0))
        {
            properties[name] = depth < 2 ? Schema(depth + 1) : new JsonObject { ["type"] = Pick(TypeNames) };
        }
        schema["properties"] = properties;
        if (_random.Next(2) == 0)
        {
            schema["required"] = new JsonArray([.. Names.Where(_ => _random.Next(4) == 0).Select(n => (JsonNode)n)]);
        }
        if (_random.Next(4) == 0)
        {
            schema["additionalProperties"] = _random.Next(2) == 0 ? false : (depth < 2 ? Schema(depth + 1) : true);
        }
        if (_random.Next(6) == 0)
        {
            schema["patternProperties"] = new JsonObject { [Pick(Patterns)] = new JsonObject { ["type"] = Pick(TypeNames) } };
        }
        if (_random.Next(8) == 0)
        {
            schema["propertyNames"] = new JsonObject { ["maxLength"] = _random.Next(1, 5) };
        }
        if (_random.Next(8) == 0)
        {
            schema["dependencies"] = new JsonObject { [Pick(Names)] = _random.Next(2) == 0 ? new JsonArray(Pick(Names)) : new JsonObject { ["required"] = new JsonArray(Pick(Names)) } };
        }
        if (_random.Next(8) == 0)
        {
            schema["minProperties"] = _random.Next(0, 3);
            schema["maxProperties"] = _random.Next(1, 4);
        }
        if (depth == 0 && _random.Next(4) == 0)
        {
            // An internal reference, the way starter schemas share parts.
            schema["definitions"] = new JsonObject { ["part"] = Schema(2) };
            properties[Pick(Names)] = new JsonObject { ["$ref"] = "#/definitions/part" };
        }
    }

    private void Array(JsonObject schema, int depth)
    {
        if (_random.Next(4) == 0)
        {
            schema["items"] = new JsonArray(Schema(2), Schema(2));
            if (_random.Next(2) == 0)
            {
                schema["additionalItems"] = _random.Next(2) == 0 ? false : Schema(2);
            }
        }
        else if (_random.Next(3) > 0)
        {
            schema["items"] = depth < 2 ? Schema(depth + 1) : new JsonObject { ["type"] = Pick(TypeNames) };
        }
        if (_random.Next(4) == 0)
        {
            schema["minItems"] = _random.Next(0, 3);
        }
        if (_random.Next(4) == 0)
        {
            schema["maxItems"] = _random.Next(0, 4);
        }
        if (_random.Next(4) == 0)
        {
            schema["uniqueItems"] = true;
        }
        // ajv skips `contains` on an empty array when `items` is a list (AjvDeliberateDifferenceTests).
        if (_random.Next(6) == 0 && schema["items"] is not JsonArray)
        {
            schema["contains"] = Schema(2);
        }
    }

    private void String(JsonObject schema)
    {
        if (_random.Next(3) == 0)
        {
            schema["minLength"] = _random.Next(0, 4);
        }
        if (_random.Next(3) == 0)
        {
            schema["maxLength"] = _random.Next(0, 6);
        }
        if (_random.Next(3) == 0)
        {
            schema["pattern"] = Pick(Patterns);
        }
        if (_random.Next(3) == 0)
        {
            schema["format"] = Pick(Formats);
        }
    }

    private void Number(JsonObject schema)
    {
        if (_random.Next(3) == 0)
        {
            schema[_random.Next(2) == 0 ? "minimum" : "exclusiveMinimum"] = Number();
        }
        if (_random.Next(3) == 0)
        {
            schema[_random.Next(2) == 0 ? "maximum" : "exclusiveMaximum"] = Number();
        }
        if (_random.Next(4) == 0)
        {
            schema["multipleOf"] = JsonNode.Parse(Pick(["2", "3", "0.5", "1.5", "10"]));
        }
    }

    /// <summary>
    /// Documents for <paramref name="schema"/>: shaped by it, plus a few of any shape. A document
    /// is never the bare literal null, which the framework reads as a missing body.
    /// </summary>
    public List<string> Documents(JsonObject schema, int count) =>
        [.. Enumerable.Range(0, count).Select(i => (i % 4 == 3 ? Value() : Shaped(schema, 0))?.ToJsonString() ?? "{}")];

    private JsonNode? Shaped(JsonNode? schema, int depth)
    {
        if (schema is not JsonObject shape || depth > 3)
        {
            return Value();
        }
        var type = shape["type"] switch
        {
            JsonValue single => single.GetValue<string>(),
            JsonArray several => several[_random.Next(several.Count)]!.GetValue<string>(),
            _ => _random.Next(4) == 0 ? Pick(TypeNames) : InferType(shape),
        };
        return type switch
        {
            "object" => ShapedObject(shape, depth),
            "array" => ShapedArray(shape, depth),
            "string" => Pick(StringPool),
            "number" => JsonNode.Parse(Pick(NumberPool)),
            "integer" => JsonNode.Parse(Pick(["0", "1", "2", "3", "10", "-1", "100", "1.0", "1e2"])),
            "boolean" => _random.Next(2) == 0,
            _ => null,
        };
    }

    private static string InferType(JsonObject shape) =>
        shape.ContainsKey("properties") ? "object" : shape.ContainsKey("items") ? "array" : "string";

    private JsonObject ShapedObject(JsonObject shape, int depth)
    {
        var result = new JsonObject();
        var properties = shape["properties"] as JsonObject ?? [];
        foreach (var name in Names.Where(n => properties.ContainsKey(n) ? _random.Next(5) > 0 : _random.Next(8) == 0))
        {
            result[name] = Shaped(properties[name], depth + 1);
        }
        return result;
    }

    private JsonArray ShapedArray(JsonObject shape, int depth)
    {
        var items = shape["items"];
        var result = new JsonArray();
        for (var index = _random.Next(0, 4); index > 0; index--)
        {
            var item = items is JsonArray tuple ? (result.Count < tuple.Count ? tuple[result.Count] : null) : items;
            result.Add(_random.Next(6) == 0 && result.Count > 0 ? result[0]?.DeepClone() : Shaped(item, depth + 1));
        }
        return result;
    }

    /// <summary>Any JSON value, from the pools.</summary>
    public JsonNode? Value(int depth = 0) => _random.Next(depth > 1 ? 4 : 6) switch
    {
        0 => JsonNode.Parse(Pick(NumberPool)),
        1 => Pick(StringPool),
        2 => _random.Next(2) == 0,
        3 => null,
        4 => new JsonArray(Value(depth + 1), Value(depth + 1)),
        _ => new JsonObject { [Pick(Names)] = Value(depth + 1) },
    };

    private JsonNode Number() => JsonNode.Parse(Pick(NumberPool))!;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public override string ToString() => seed.ToString(CultureInfo.InvariantCulture);
}
