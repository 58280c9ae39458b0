using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// unwindArrays: turns one document into one row per array item. Unwinding runs in rounds, as in json-2-csv:
/// each round unwinds the array keys of that round, in their first-seen order across all documents, over the
/// rows produced so far (so two arrays give their cross product); items that hold arrays need another round.
/// The per-round key orders come from earlier passes over the input, which keeps rows in json-2-csv's order.
/// </summary>
internal sealed class ArrayUnwinder(IReadOnlyList<IReadOnlyList<KeyPath>> rounds, IReadOnlyList<string> excludeKeys)
{
    private readonly KeyCollector _keys = new(expandNestedObjects: true, expandArrayObjects: false);

    public List<JsNode> Unwind(JsNode document)
    {
        List<JsNode> rows = [document];
        foreach (var roundKeys in rounds)
        {
            foreach (var key in roundKeys)
            {
                rows = rows.SelectMany(row => UnwindAt(row, key.Segments)).ToList();
            }
        }
        return rows;
    }

    /// <summary>Adds the keys of the rows to <paramref name="keys"/>, and to <paramref name="arrayKeys"/> those still holding an array.</summary>
    public void CollectRemainingArrays(List<JsNode> rows, OrderedKeySet keys, HashSet<string> arrayKeys)
    {
        foreach (var row in rows)
        {
            var rowKeys = new OrderedKeySet();
            _keys.Collect(row, rowKeys);
            foreach (var key in rowKeys.Keys)
            {
                keys.Add(key);
                if (!excludeKeys.Any(key.IsAtOrBelow) && PathEvaluator.ValueAt(row, key.Segments).Kind == JsKind.Array)
                {
                    arrayKeys.Add(key.Id);
                }
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
