using System.Runtime.CompilerServices;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>Keys in first-seen order without duplicates.</summary>
internal sealed class OrderedKeySet
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<KeyPath> _keys = [];

    public IReadOnlyList<KeyPath> Keys => _keys;

    // Runs per token or per field: optimised from the first call, not after JIT tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(KeyPath key)
    {
        if (_ids.Add(key.Id))
        {
            _keys.Add(key);
        }
    }

    public bool SetEquals(OrderedKeySet other) => _ids.SetEquals(other._ids);
}
