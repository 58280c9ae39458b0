namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>Keys in first-seen order without duplicates.</summary>
internal sealed class OrderedKeySet
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<KeyPath> _keys = [];

    public IReadOnlyList<KeyPath> Keys => _keys;

    public void Add(KeyPath key)
    {
        if (_ids.Add(key.Id))
        {
            _keys.Add(key);
        }
    }

    public bool SetEquals(OrderedKeySet other) => _ids.SetEquals(other._ids);
}
