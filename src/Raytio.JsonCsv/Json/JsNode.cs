namespace Raytio.JsonCsv.Json;

internal enum JsKind
{
    Undefined,
    Null,
    True,
    False,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// A parsed JSON value that behaves like the JavaScript value json-2-csv sees: object keys enumerate in
/// JavaScript order and numbers keep their source text so no precision is lost.
/// </summary>
internal sealed class JsNode
{
    public static readonly JsNode Undefined = new(JsKind.Undefined);
    public static readonly JsNode Null = new(JsKind.Null);
    public static readonly JsNode True = new(JsKind.True);
    public static readonly JsNode False = new(JsKind.False);
    public static readonly JsNode EmptyString = String(string.Empty);

    private JsNode(JsKind kind, string? text = null, List<JsNode>? items = null, JsObject? properties = null)
    {
        Kind = kind;
        Text = text;
        Items = items;
        Properties = properties;
    }

    public JsKind Kind { get; }

    /// <summary>The string value, or the number's JSON source text.</summary>
    public string? Text { get; }

    public List<JsNode>? Items { get; }

    public JsObject? Properties { get; }

    public bool IsNullOrUndefined => Kind is JsKind.Null or JsKind.Undefined;

    /// <summary>JavaScript truthiness, which json-2-csv's path lookup relies on.</summary>
    public bool IsFalsy => Kind switch
    {
        JsKind.Undefined or JsKind.Null or JsKind.False => true,
        JsKind.String => Text!.Length == 0,
        JsKind.Number => JsNumber.IsZero(Text!),
        _ => false,
    };

    public static JsNode String(string value) => new(JsKind.String, value);

    public static JsNode Number(string jsonNumberText) => new(JsKind.Number, jsonNumberText);

    public static JsNode Array(List<JsNode> items) => new(JsKind.Array, items: items);

    public static JsNode Object(JsObject properties) => new(JsKind.Object, properties: properties);
}
