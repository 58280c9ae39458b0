using System.Text;
using System.Text.Json;
using Raytio.JsonCsv.Json;

namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// One property-name path in a tree shared by all documents, so a key met in every document is built once.
/// Token-level passes stamp the nodes a document uses (<see cref="Document"/>) to spot a repeated name without
/// a per-object set, keep the document's value on the node, and remember which name followed which
/// (<see cref="FirstChild"/>, <see cref="Next"/>): documents of one array mostly list the same names in the same
/// order, so a name is usually matched by comparing its UTF-8 bytes with the predicted one.
/// </summary>
internal sealed class KeyNode
{
    private const int MaxStackNameLength = 128;

    private readonly KeyNode? _parent;
    private readonly string _name;
    private readonly byte[] _utf8Name;
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
        _utf8Name = Encoding.UTF8.GetBytes(name);
        IsArrayIndexLike = name.Length > 0 && char.IsAsciiDigit(name[0]);
    }

    public KeyPath Path => _path ??= _parent!._parent is null ? KeyPath.FromSegments([_name]) : _parent.Path.Append(_name);

    public bool HasChildren => _children is { Count: > 0 };

    /// <summary>The name starts with a digit, so JavaScript may enumerate it before the other names.</summary>
    public bool IsArrayIndexLike { get; }

    /// <summary>A column's own path ends here (used by <see cref="TokenRowWriter"/>).</summary>
    public bool IsColumn { get; set; }

    /// <summary>The number of the last document that held this name.</summary>
    public int Document { get; set; }

    /// <summary>The value this node held in <see cref="Document"/> (used by <see cref="TokenRowWriter"/>).</summary>
    public TokenValue Value { get; set; }

    /// <summary>The child met first in the last document that had this object.</summary>
    public KeyNode? FirstChild { get; set; }

    /// <summary>The sibling that followed this name last time.</summary>
    public KeyNode? Next { get; set; }

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

    /// <summary>
    /// The child named by the property name the reader is on, which follows the child <paramref name="previous"/>
    /// (null for the first name); created when <paramref name="add"/> is set, else null when absent.
    /// </summary>
    public KeyNode? NextChild(ref Utf8JsonReader reader, bool add, KeyNode? previous)
    {
        var predicted = previous is null ? FirstChild : previous.Next;
        var child = Child(ref reader, add, predicted);
        if (child is not null && child != predicted)
        {
            if (previous is null)
            {
                FirstChild = child;
            }
            else
            {
                previous.Next = child;
            }
        }
        return child;
    }

    private KeyNode? Child(ref Utf8JsonReader reader, bool add, KeyNode? predicted)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > MaxStackNameLength)
        {
            var name = reader.GetCheckedString();
            return add ? Child(name) : _children?.GetValueOrDefault(name);
        }
        // Raw bytes equal to a valid UTF-8 name are valid UTF-8 themselves.
        if (predicted is not null && reader.ValueSpan.SequenceEqual(predicted._utf8Name))
        {
            return predicted;
        }
        Span<char> chars = stackalloc char[MaxStackNameLength];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        if (_children is not null && _lookup.TryGetValue(chars[..length], out var child))
        {
            return child;
        }
        // Decoding rejects invalid UTF-8, which GetChars replaced.
        return add ? Child(reader.GetCheckedString()) : null;
    }
}

/// <summary>A value as <see cref="TokenRowWriter"/> keeps it: its kind, JavaScript falsiness and CSV text in a shared buffer.</summary>
internal readonly record struct TokenValue(JsKind Kind, bool IsFalsy, int TextStart, int TextLength);
