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

    private readonly PooledByteBuffer output;
    private readonly PooledByteBuffer keys = new(256);
    private readonly PooledByteBuffer decoded = new(256);
    private readonly PooledByteBuffer reorder = new(256);
    private Member[] members = ArrayPool<Member>.Shared.Rent(64);
    private int memberCount;
    private Container[] containers = ArrayPool<Container>.Shared.Rent(16);
    private int depth;

    public CanonicalJsonWriter(PooledByteBuffer output)
    {
        this.output = output;
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
        keys.Dispose();
        decoded.Dispose();
        reorder.Dispose();
        ArrayPool<Member>.Shared.Return(members);
        ArrayPool<Container>.Shared.Return(containers);
        members = [];
        containers = [];
    }

    private void WriteToken(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                BeginValue();
                Push(isObject: true);
                output.Append((byte)'{');
                return;
            case JsonTokenType.StartArray:
                BeginValue();
                Push(isObject: false);
                output.Append((byte)'[');
                return;
            case JsonTokenType.EndObject:
                SortMembers(reader.TokenStartIndex);
                output.Append((byte)'}');
                depth--;
                break;
            case JsonTokenType.EndArray:
                output.Append((byte)']');
                depth--;
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
                EcmaScriptNumber.WriteCanonical(reader.ValueSpan, output);
                break;
            case JsonTokenType.True:
                BeginValue();
                output.Append("true"u8);
                break;
            case JsonTokenType.False:
                BeginValue();
                output.Append("false"u8);
                break;
            case JsonTokenType.Null:
                BeginValue();
                output.Append("null"u8);
                break;
            default:
                throw new CanonicalizationException($"Unexpected JSON token {reader.TokenType} at byte offset {reader.TokenStartIndex}.");
        }
        EndValue();
    }

    /// <summary>Writes the separator before an array element (members get theirs before the name).</summary>
    private void BeginValue()
    {
        if (depth > 0)
        {
            ref var parent = ref containers[depth - 1];
            if (!parent.IsObject && parent.Count++ > 0)
            {
                output.Append((byte)',');
            }
        }
    }

    /// <summary>Records where a member's value ends, so the member can be moved as a unit.</summary>
    private void EndValue()
    {
        if (depth > 0 && containers[depth - 1].IsObject)
        {
            members[memberCount - 1].End = output.Length;
        }
    }

    private void Push(bool isObject)
    {
        if (depth == containers.Length)
        {
            containers = Grow(containers);
        }
        containers[depth++] = new Container
        {
            IsObject = isObject,
            Start = output.Length,
            FirstMember = memberCount,
            KeysStart = keys.Length,
        };
    }

    private void WriteMemberName(ref Utf8JsonReader reader)
    {
        ref var container = ref containers[depth - 1];
        if (container.Count++ > 0)
        {
            output.Append((byte)',');
        }
        var raw = reader.ValueSpan;
        JsonStringCodec.ValidateUtf8(raw, reader.TokenStartIndex);
        var keyStart = keys.Length;
        if (reader.ValueIsEscaped)
        {
            JsonStringCodec.Unescape(raw, keys, reader.TokenStartIndex);
        }
        else
        {
            keys.Append(raw);
        }

        if (memberCount == members.Length)
        {
            members = Grow(members);
        }
        members[memberCount++] = new Member { KeyStart = keyStart, KeyLength = keys.Length - keyStart, Start = output.Length };
        JsonStringCodec.WriteQuoted(keys.WrittenSpan[keyStart..], output);
        output.Append((byte)':');
    }

    private void WriteString(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        JsonStringCodec.ValidateUtf8(raw, reader.TokenStartIndex);
        if (!reader.ValueIsEscaped)
        {
            // Unescaped JSON strings hold no quotes, backslashes or control characters: already canonical.
            output.Append((byte)'"');
            output.Append(raw);
            output.Append((byte)'"');
            return;
        }
        decoded.Truncate(0);
        JsonStringCodec.Unescape(raw, decoded, reader.TokenStartIndex);
        JsonStringCodec.WriteQuoted(decoded.WrittenSpan, output);
    }

    private void SortMembers(long objectEndOffset)
    {
        var container = containers[depth - 1];
        var objectMembers = members.AsSpan(container.FirstMember, memberCount - container.FirstMember);
        var keyBytes = keys.RawArray;
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
        memberCount = container.FirstMember;
        keys.Truncate(container.KeysStart);
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
        reorder.Truncate(0);
        reorder.Append(output.WrittenSpan[bodyStart..]);
        output.Truncate(bodyStart);
        var body = reorder.WrittenSpan;
        for (var i = 0; i < sortedMembers.Length; i++)
        {
            if (i > 0)
            {
                output.Append((byte)',');
            }
            var member = sortedMembers[i];
            output.Append(body[(member.Start - bodyStart)..(member.End - bodyStart)]);
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
