using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// unwindArrays: turns one document into one row per array item, repeating until no array is left. Arrays are
/// unwound in key order, each over all rows produced so far, so two arrays give their cross product.
/// </summary>
internal static class ArrayUnwinder
{
    public static List<JsNode> Unwind(JsNode document, IReadOnlyList<string> excludeKeys)
    {
        List<JsNode> rows = [document];
        while (true)
        {
            var keys = new OrderedKeySet();
            foreach (var row in rows)
            {
                KeyCollector.Collect(row, expandNestedObjects: true, expandArrayObjects: false, keys);
            }
            var arrayKeys = keys.Keys
                .Where(key => !excludeKeys.Any(key.IsAtOrBelow))
                .Where(key => rows.Any(row => PathEvaluator.ValueAt(row, key.Segments).Kind == JsKind.Array))
                .ToList();
            if (arrayKeys.Count == 0)
            {
                return rows;
            }
            foreach (var key in arrayKeys)
            {
                rows = rows.SelectMany(row => UnwindAt(row, key.Segments)).ToList();
            }
        }
    }

    private static IEnumerable<JsNode> UnwindAt(JsNode row, string[] segments)
    {
        var value = PathEvaluator.ValueAt(row, segments);
        if (value.Kind != JsKind.Array)
        {
            return [row];
        }
        // json-2-csv outputs an empty array as an empty field once unwinding.
        if (value.Items!.Count == 0)
        {
            return [PathEvaluator.With(row, segments, 0, JsNode.EmptyString)];
        }
        return value.Items.Select(item => PathEvaluator.With(row, segments, 0, item));
    }
}
