using System.Text;
using System.Text.Json;

namespace Raytio.JsonCsv.Json;

/// <summary>Reuses one string per distinct property name: documents of a JSON array mostly repeat the same names.</summary>
internal sealed class NameCache
{
    private const int MaxCachedLength = 128;
    private const int MaxNames = 10_000;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameCache() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public string GetName(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxCachedLength)
        {
            return reader.GetCheckedString();
        }
        Span<char> chars = stackalloc char[MaxCachedLength];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        if (_lookup.TryGetValue(chars[..length], out var name))
        {
            return name;
        }
        name = reader.GetCheckedString();
        if (_names.Count < MaxNames)
        {
            _names.Add(name, name);
        }
        return name;
    }
}
