using System.Buffers;

namespace Raytio.Signing;

/// <summary>A growable byte buffer rented from the shared pool, so canonicalizing many documents allocates little.</summary>
internal sealed class PooledByteBuffer : IDisposable
{
    private byte[] buffer;

    public PooledByteBuffer(int initialCapacity)
    {
        buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public int Length { get; private set; }

    /// <summary>The underlying array; valid until the next append, which may replace it.</summary>
    public byte[] RawArray => buffer;

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, Length);

    public void Append(byte value)
    {
        if (Length == buffer.Length)
        {
            Grow(1);
        }
        buffer[Length++] = value;
    }

    public void Append(ReadOnlySpan<byte> values)
    {
        if (buffer.Length - Length < values.Length)
        {
            Grow(values.Length);
        }
        values.CopyTo(buffer.AsSpan(Length));
        Length += values.Length;
    }

    /// <summary>Returns writable space of at least <paramref name="sizeHint"/> bytes; call <see cref="Advance"/> afterwards.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        if (buffer.Length - Length < sizeHint)
        {
            Grow(sizeHint);
        }
        return buffer.AsSpan(Length);
    }

    /// <summary>Like <see cref="GetSpan"/>, for asynchronous reads.</summary>
    public Memory<byte> GetMemory(int sizeHint)
    {
        GetSpan(sizeHint);
        return buffer.AsMemory(Length);
    }

    public void Advance(int count) => Length += count;

    public void Truncate(int length) => Length = length;

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        Length = 0;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, Length + needed));
        WrittenSpan.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
