using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// Looks a key path up in a document as json-2-csv does: a missing or falsy value on the way gives null, a
/// string, number or boolean on the way gives undefined, a missing last name gives undefined, and an array on
/// the way is indexed by a numeric name or else maps the rest of the path over its items.
/// </summary>
internal static class PathEvaluator
{
    public static JsNode Evaluate(JsNode document, string[] segments) => Evaluate(document, segments, 0);

    private static JsNode Evaluate(JsNode node, string[] segments, int index)
    {
        if (node.IsFalsy)
        {
            return JsNode.Null;
        }
        switch (node.Kind)
        {
            case JsKind.Object:
                return Next(node.Properties!.Get(segments[index]), segments, index);
            case JsKind.Array when uint.TryParse(segments[index], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position):
                return Next(position < node.Items!.Count ? node.Items[(int)position] : JsNode.Undefined, segments, index);
            case JsKind.Array:
                return JsNode.Array(node.Items!.Select(item => Evaluate(item, segments, index)).ToList());
            default:
                return JsNode.Undefined;
        }
    }

    private static JsNode Next(JsNode value, string[] segments, int index) =>
        index == segments.Length - 1 ? value : Evaluate(value, segments, index + 1);

    /// <summary>The value stored exactly at the path (no array mapping), or undefined.</summary>
    public static JsNode ValueAt(JsNode document, string[] segments)
    {
        var node = document;
        foreach (var name in segments)
        {
            if (node.Kind != JsKind.Object)
            {
                return JsNode.Undefined;
            }
            node = node.Properties!.Get(name);
        }
        return node;
    }

    /// <summary>A copy of the document with the value at the path replaced; untouched branches are shared.</summary>
    public static JsNode With(JsNode node, string[] segments, int index, JsNode replacement)
    {
        var copy = node.Properties!.CloneShallow();
        var name = segments[index];
        copy.Set(name, index == segments.Length - 1 ? replacement : With(node.Properties.Get(name), segments, index + 1, replacement));
        return JsNode.Object(copy);
    }
}
