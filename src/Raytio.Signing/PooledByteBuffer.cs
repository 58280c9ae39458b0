using System.Buffers;

namespace Raytio.Signing;

/// <summary>A growable byte buffer rented from the shared pool, so canonicalizing many documents allocates little.</summary>
internal sealed class PooledByteBuffer : IDisposable
{
    private byte[] _buffer;

    public PooledByteBuffer(int initialCapacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    public int Length { get; private set; }

    /// <summary>The underlying array; valid until the next append, which may replace it.</summary>
    public byte[] RawArray => _buffer;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public void Append(byte value)
    {
        if (Length == _buffer.Length)
        {
            Grow(1);
        }
        _buffer[Length++] = value;
    }

    public void Append(ReadOnlySpan<byte> values)
    {
        if (_buffer.Length - Length < values.Length)
        {
            Grow(values.Length);
        }
        values.CopyTo(_buffer.AsSpan(Length));
        Length += values.Length;
    }

    /// <summary>Returns writable space of at least <paramref name="sizeHint"/> bytes; call <see cref="Advance"/> afterwards.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        if (_buffer.Length - Length < sizeHint)
        {
            Grow(sizeHint);
        }
        return _buffer.AsSpan(Length);
    }

    /// <summary>Like <see cref="GetSpan"/>, for asynchronous reads.</summary>
    public Memory<byte> GetMemory(int sizeHint)
    {
        GetSpan(sizeHint);
        return _buffer.AsMemory(Length);
    }

    public void Advance(int count) => Length += count;

    public void Truncate(int length) => Length = length;

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        Length = 0;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + needed));
        WrittenSpan.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
