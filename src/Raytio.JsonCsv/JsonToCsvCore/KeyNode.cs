using System.Text;
using System.Text.Json;
using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// One property-name path in a tree shared by all documents, so a key met in every document is built once.
/// Token-level passes stamp the nodes a document uses (<see cref="Document"/>) to spot a repeated name without
/// a per-object set, and keep the document's value on the node.
/// </summary>
internal sealed class KeyNode
{
    private const int MaxStackNameLength = 128;

    private readonly KeyNode? _parent;
    private readonly string _name;
    private Dictionary<string, KeyNode>? _children;
    private Dictionary<string, KeyNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private KeyPath? _path;

    public KeyNode()
        : this(parent: null, name: string.Empty)
    {
    }

    private KeyNode(KeyNode? parent, string name)
    {
        _parent = parent;
        _name = name;
    }

    public KeyPath Path => _path ??= _parent!._parent is null ? KeyPath.FromSegments([_name]) : _parent.Path.Append(_name);

    public bool HasChildren => _children is { Count: > 0 };

    /// <summary>The number of the last document that held this name.</summary>
    public int Document { get; set; }

    /// <summary>The value this node held in <see cref="Document"/> (used by <see cref="TokenRowWriter"/>).</summary>
    public TokenValue Value { get; set; }

    public KeyNode Child(string name)
    {
        if (_children is null)
        {
            _children = new Dictionary<string, KeyNode>(StringComparer.Ordinal);
            _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        if (!_children.TryGetValue(name, out var child))
        {
            child = new KeyNode(this, name);
            _children.Add(name, child);
        }
        return child;
    }

    /// <summary>The child named by the property name the reader is on, created when <paramref name="add"/> is set.</summary>
    /// <param name="arrayIndexLike">The name starts with a digit, so JavaScript may enumerate it before the others.</param>
    public KeyNode? Child(ref Utf8JsonReader reader, bool add, out bool arrayIndexLike)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > MaxStackNameLength)
        {
            var name = reader.GetString()!;
            arrayIndexLike = name.Length > 0 && char.IsAsciiDigit(name[0]);
            return add ? Child(name) : _children?.GetValueOrDefault(name);
        }
        Span<char> chars = stackalloc char[MaxStackNameLength];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        arrayIndexLike = length > 0 && char.IsAsciiDigit(chars[0]);
        if (_children is not null && _lookup.TryGetValue(chars[..length], out var child))
        {
            return child;
        }
        // GetString rejects invalid UTF-8, which GetChars replaced.
        return add ? Child(reader.GetString()!) : null;
    }
}

/// <summary>A value as <see cref="TokenRowWriter"/> keeps it: its kind, JavaScript falsiness and CSV text in a shared buffer.</summary>
internal readonly record struct TokenValue(JsKind Kind, bool IsFalsy, int TextStart, int TextLength);
