using System.Text;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// A column's path of property names. <see cref="Id"/> is json-2-csv's key text: names joined by '.', with dots
/// inside a name escaped as "\.".
/// </summary>
internal sealed class KeyPath
{
    private KeyPath(string[] segments, string id)
    {
        Segments = segments;
        Id = id;
    }

    public string[] Segments { get; }

    public string Id { get; }

    /// <summary>The header text when escapeHeaderNestedDots is off: plain names joined by dots.</summary>
    public string UnescapedText => string.Join('.', Segments);

    public static KeyPath FromSegments(IEnumerable<string> segments)
    {
        var array = segments.ToArray();
        return new KeyPath(array, string.Join('.', array.Select(s => s.Replace(".", "\\.", StringComparison.Ordinal))));
    }

    /// <summary>Parses a user-written key: unescaped dots separate names, "\." is a literal dot.</summary>
    public static KeyPath Parse(string text)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '.')
            {
                current.Append('.');
                i++;
            }
            else if (text[i] == '.')
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }
        segments.Add(current.ToString());
        return FromSegments(segments);
    }

    public KeyPath Append(string name) => FromSegments(Segments.Append(name));

    public bool IsAtOrBelow(string prefixId) =>
        Id == prefixId || Id.StartsWith(prefixId + ".", StringComparison.Ordinal);
}
