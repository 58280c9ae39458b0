using System.Buffers;
using System.Text.Json;

namespace Raytio.Signing;

/// <summary>
/// Single pass RFC 8785 canonicalizer over UTF-8 JSON. Values are written to the output as they are
/// read; when an object closes, its members (already canonical) are reordered in place by key.
/// Nested objects are therefore sorted before their parent, and each byte moves once per enclosing
/// unsorted object.
/// </summary>
internal sealed class CanonicalJsonWriter : IDisposable
{
    /// <summary>Deepest nesting of arrays and objects accepted; deeper input is rejected, not truncated.</summary>
    public const int MaxDepth = 1000;

    private readonly PooledByteBuffer _output;
    private readonly PooledByteBuffer _keys = new(256);
    private readonly PooledByteBuffer _decoded = new(256);
    private readonly PooledByteBuffer _reorder = new(256);
    private Member[] _members = ArrayPool<Member>.Shared.Rent(64);
    private int _memberCount;
    private Container[] _containers = ArrayPool<Container>.Shared.Rent(16);
    private int _depth;

    public CanonicalJsonWriter(PooledByteBuffer output)
    {
        _output = output;
    }

    public void Write(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
                WriteToken(ref reader);
            }
        }
        catch (JsonException e)
        {
            throw new CanonicalizationException("Invalid JSON: " + e.Message, e);
        }
    }

    public void Dispose()
    {
        _keys.Dispose();
        _decoded.Dispose();
        _reorder.Dispose();
        ArrayPool<Member>.Shared.Return(_members);
        ArrayPool<Container>.Shared.Return(_containers);
        _members = [];
        _containers = [];
    }

    private void WriteToken(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                BeginValue();
                Push(isObject: true);
                _output.Append((byte)'{');
                return;
            case JsonTokenType.StartArray:
                BeginValue();
                Push(isObject: false);
                _output.Append((byte)'[');
                return;
            case JsonTokenType.EndObject:
                SortMembers(reader.TokenStartIndex);
                _output.Append((byte)'}');
                _depth--;
                break;
            case JsonTokenType.EndArray:
                _output.Append((byte)']');
                _depth--;
                break;
            case JsonTokenType.PropertyName:
                WriteMemberName(ref reader);
                return;
            case JsonTokenType.String:
                BeginValue();
                WriteString(ref reader);
                break;
            case JsonTokenType.Number:
                BeginValue();
                EcmaScriptNumber.WriteCanonical(reader.ValueSpan, _output);
                break;
            case JsonTokenType.True:
                BeginValue();
                _output.Append("true"u8);
                break;
            case JsonTokenType.False:
                BeginValue();
                _output.Append("false"u8);
                break;
            case JsonTokenType.Null:
                BeginValue();
                _output.Append("null"u8);
                break;
            default:
                throw new CanonicalizationException($"Unexpected JSON token {reader.TokenType} at byte offset {reader.TokenStartIndex}.");
        }
        EndValue();
    }

    /// <summary>Writes the separator before an array element (members get theirs before the name).</summary>
    private void BeginValue()
    {
        if (_depth > 0)
        {
            ref var parent = ref _containers[_depth - 1];
            if (!parent.IsObject && parent.Count++ > 0)
            {
                _output.Append((byte)',');
            }
        }
    }

    /// <summary>Records where a member's value ends, so the member can be moved as a unit.</summary>
    private void EndValue()
    {
        if (_depth > 0 && _containers[_depth - 1].IsObject)
        {
            _members[_memberCount - 1].End = _output.Length;
        }
    }

    private void Push(bool isObject)
    {
        if (_depth == _containers.Length)
        {
            _containers = Grow(_containers);
        }
        _containers[_depth++] = new Container
        {
            IsObject = isObject,
            Start = _output.Length,
            FirstMember = _memberCount,
            KeysStart = _keys.Length,
        };
    }

    private void WriteMemberName(ref Utf8JsonReader reader)
    {
        ref var container = ref _containers[_depth - 1];
        if (container.Count++ > 0)
        {
            _output.Append((byte)',');
        }
        var raw = reader.ValueSpan;
        JsonStringCodec.ValidateUtf8(raw, reader.TokenStartIndex);
        var keyStart = _keys.Length;
        if (reader.ValueIsEscaped)
        {
            JsonStringCodec.Unescape(raw, _keys, reader.TokenStartIndex);
        }
        else
        {
            _keys.Append(raw);
        }

        if (_memberCount == _members.Length)
        {
            _members = Grow(_members);
        }
        _members[_memberCount++] = new Member { KeyStart = keyStart, KeyLength = _keys.Length - keyStart, Start = _output.Length };
        JsonStringCodec.WriteQuoted(_keys.WrittenSpan[keyStart..], _output);
        _output.Append((byte)':');
    }

    private void WriteString(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        JsonStringCodec.ValidateUtf8(raw, reader.TokenStartIndex);
        if (!reader.ValueIsEscaped)
        {
            // Unescaped JSON strings hold no quotes, backslashes or control characters: already canonical.
            _output.Append((byte)'"');
            _output.Append(raw);
            _output.Append((byte)'"');
            return;
        }
        _decoded.Truncate(0);
        JsonStringCodec.Unescape(raw, _decoded, reader.TokenStartIndex);
        JsonStringCodec.WriteQuoted(_decoded.WrittenSpan, _output);
    }

    private void SortMembers(long objectEndOffset)
    {
        var container = _containers[_depth - 1];
        var objectMembers = _members.AsSpan(container.FirstMember, _memberCount - container.FirstMember);
        var keyBytes = _keys.RawArray;
        if (!IsStrictlyAscending(objectMembers, keyBytes))
        {
            objectMembers.Sort(new MemberOrder(keyBytes));
            for (var i = 1; i < objectMembers.Length; i++)
            {
                if (MemberOrder.CompareKeys(objectMembers[i - 1], objectMembers[i], keyBytes) == 0)
                {
                    var name = System.Text.Encoding.UTF8.GetString(keyBytes, objectMembers[i].KeyStart, objectMembers[i].KeyLength);
                    throw new CanonicalizationException($"Duplicate key \"{name}\" in the object ending at byte offset {objectEndOffset}.");
                }
            }
            MoveMembersInto(objectMembers, container.Start + 1);
        }
        _memberCount = container.FirstMember;
        _keys.Truncate(container.KeysStart);
    }

    /// <summary>Checks order and, in the common already-sorted case, duplicates in one pass.</summary>
    private static bool IsStrictlyAscending(ReadOnlySpan<Member> objectMembers, byte[] keyBytes)
    {
        for (var i = 1; i < objectMembers.Length; i++)
        {
            if (MemberOrder.CompareKeys(objectMembers[i - 1], objectMembers[i], keyBytes) >= 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Rewrites the object's body (after '{') with members in the given order.</summary>
    private void MoveMembersInto(ReadOnlySpan<Member> sortedMembers, int bodyStart)
    {
        _reorder.Truncate(0);
        _reorder.Append(_output.WrittenSpan[bodyStart..]);
        _output.Truncate(bodyStart);
        var body = _reorder.WrittenSpan;
        for (var i = 0; i < sortedMembers.Length; i++)
        {
            if (i > 0)
            {
                _output.Append((byte)',');
            }
            var member = sortedMembers[i];
            _output.Append(body[(member.Start - bodyStart)..(member.End - bodyStart)]);
        }
    }

    private static T[] Grow<T>(T[] array)
    {
        var larger = ArrayPool<T>.Shared.Rent(array.Length * 2);
        array.CopyTo(larger, 0);
        ArrayPool<T>.Shared.Return(array);
        return larger;
    }

    private struct Container
    {
        public bool IsObject;
        public int Count;
        public int Start;
        public int FirstMember;
        public int KeysStart;
    }

    /// <summary>An object member: its decoded name in the key buffer and its canonical bytes in the output.</summary>
    private struct Member
    {
        public int KeyStart;
        public int KeyLength;
        public int Start;
        public int End;
    }

    private readonly struct MemberOrder(byte[] keyBytes) : IComparer<Member>
    {
        public int Compare(Member x, Member y) => CompareKeys(x, y, keyBytes);

        public static int CompareKeys(Member x, Member y, byte[] keyBytes) =>
            Utf16OrderComparer.Compare(keyBytes.AsSpan(x.KeyStart, x.KeyLength), keyBytes.AsSpan(y.KeyStart, y.KeyLength));
    }
}
