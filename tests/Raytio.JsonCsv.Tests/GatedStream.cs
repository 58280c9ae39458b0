namespace Raytio.JsonCsv.Tests;

/// <summary>
/// A forward-only input like a request body still arriving: the first part is readable at once, the rest only
/// after <see cref="Release"/>. Synchronous reads throw, as ASP.NET request bodies do.
/// </summary>
public sealed class GatedStream(byte[] firstPart, byte[] rest) : Stream
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public void Release() => _released.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= firstPart.Length)
        {
            await _released.Task.WaitAsync(cancellationToken);
        }
        var source = _position < firstPart.Length ? firstPart.AsMemory((int)_position) : rest.AsMemory((int)(_position - firstPart.Length));
        var count = Math.Min(buffer.Length, source.Length);
        source[..count].CopyTo(buffer);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
