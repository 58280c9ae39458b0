using System.Text.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// Key detection straight from the reader's tokens: no object tree is built and no value is decoded. Keys come
/// out in document order, which is JavaScript's order unless an object repeats a name or has array-index names;
/// such a document is parsed as a tree and given to <see cref="KeyCollector"/>. Only valid without
/// expandArrayObjects, unwindArrays and checkSchemaDifferences, which need the values.
/// </summary>
internal sealed class TokenKeyCollector(bool expandNestedObjects, OrderedKeySet detected) : IJsonRowHandler
{
    private readonly KeyNode _root = new();
    private readonly KeyCollector _treeCollector = new(expandNestedObjects, expandArrayObjects: false);
    private readonly TreeRowHandler _trees = new(shapeOnly: true);
    private readonly List<KeyNode> _documentKeys = [];
    private readonly Stack<(KeyNode Node, KeyNode? Previous)> _open = new();
    private int _document;

    public bool TryReadRow(ref Utf8JsonReader reader)
    {
        var start = reader;
        switch (Scan(ref reader))
        {
            case TokenScan.Done:
                foreach (var key in _documentKeys)
                {
                    detected.Add(key.Path);
                }
                return true;
            case TokenScan.NeedMoreData:
                return false;
            default:
                reader = start;
                if (!_trees.TryParse(ref reader, out var document))
                {
                    return false;
                }
                _treeCollector.Collect(document, detected);
                return true;
        }
    }

    private TokenScan Scan(ref Utf8JsonReader reader)
    {
        // A new number per attempt, so stamps from an attempt that ran out of data do not look like repeats.
        _document++;
        _documentKeys.Clear();
        _open.Clear();
        var current = _root;
        KeyNode? previous = null;
        var isEmpty = true;
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
                // An empty nested object is a column of its own.
                if (isEmpty)
                {
                    _documentKeys.Add(current);
                }
                (current, previous) = _open.Pop();
                isEmpty = false;
                continue;
            }
            var key = current.NextChild(ref reader, add: true, previous)!;
            previous = key;
            if (key.IsArrayIndexLike || key.Document == _document)
            {
                return TokenScan.UseTree;
            }
            key.Document = _document;
            isEmpty = false;
            if (!reader.Read())
            {
                return TokenScan.NeedMoreData;
            }
            if (reader.TokenType == JsonTokenType.StartObject && expandNestedObjects)
            {
                _open.Push((current, previous));
                current = key;
                previous = null;
                isEmpty = true;
                continue;
            }
            if (!reader.TrySkip())
            {
                return TokenScan.NeedMoreData;
            }
            _documentKeys.Add(key);
        }
    }
}
