namespace Raytio.JsonCsv.Json;

/// <summary>
/// Object properties in JavaScript enumeration order: array-index keys ("0", "1", ...) ascending first,
/// then the other keys in insertion order. A repeated key keeps its first position and takes the last value,
/// as JSON.parse does.
/// </summary>
internal sealed class JsObject
{
    private const uint MaxArrayIndex = uint.MaxValue - 1;

    private readonly List<KeyValuePair<string, JsNode>> _namedKeys = [];

    // Created only for the rare object with array-index keys.
    private List<KeyValuePair<string, JsNode>>? _indexKeys;

    public int Count => (_indexKeys?.Count ?? 0) + _namedKeys.Count;

    public IEnumerable<KeyValuePair<string, JsNode>> Properties => _indexKeys is null ? _namedKeys : _indexKeys.Concat(_namedKeys);

    public JsObject CloneShallow()
    {
        var copy = new JsObject { _indexKeys = _indexKeys is null ? null : [.. _indexKeys] };
        copy._namedKeys.AddRange(_namedKeys);
        return copy;
    }

    public JsNode Get(string key) => TryGet(key, out var value) ? value : JsNode.Undefined;

    /// <summary>False only when the key is absent; a key holding undefined is present.</summary>
    public bool TryGet(string key, out JsNode value)
    {
        var list = IsArrayIndex(key, out _) ? _indexKeys : _namedKeys;
        var at = list is null ? -1 : IndexOf(list, key);
        value = at >= 0 ? list![at].Value : JsNode.Undefined;
        return at >= 0;
    }

    public void Set(string key, JsNode value)
    {
        if (IsArrayIndex(key, out var index))
        {
            SetIndexKey(key, index, value);
            return;
        }
        var at = IndexOf(_namedKeys, key);
        if (at >= 0)
        {
            _namedKeys[at] = new(key, value);
        }
        else
        {
            _namedKeys.Add(new(key, value));
        }
    }

    private void SetIndexKey(string key, uint index, JsNode value)
    {
        _indexKeys ??= [];
        var insertAt = _indexKeys.Count;
        for (var i = 0; i < _indexKeys.Count; i++)
        {
            var existing = uint.Parse(_indexKeys[i].Key, System.Globalization.CultureInfo.InvariantCulture);
            if (existing == index)
            {
                _indexKeys[i] = new(key, value);
                return;
            }
            if (existing > index)
            {
                insertAt = i;
                break;
            }
        }
        _indexKeys.Insert(insertAt, new(key, value));
    }

    private static int IndexOf(List<KeyValuePair<string, JsNode>> list, string key)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A canonical decimal below 2^32 - 1, which JavaScript treats as an array index.</summary>
    private static bool IsArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length is 0 or > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }
        foreach (var c in key)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return ulong.Parse(key, System.Globalization.CultureInfo.InvariantCulture) is var value
            && value <= MaxArrayIndex
            && (index = (uint)value) == value;
    }
}
