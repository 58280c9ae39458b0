namespace Raytio.Server.Features.Conversion;

/// <summary>
/// A read-only forward stream that can look at its first bytes (to tell a bare JSON array from a
/// wrapper object) and still hand every byte on, without buffering the whole body.
/// </summary>
internal sealed class PeekableStream(Stream inner) : ForwardReadStream
{
    private readonly byte[] _head = new byte[4096];
    private int _headLength;
    private int _headPosition;

    /// <summary>The first byte that is not JSON whitespace, or -1 for an empty body.</summary>
    public async Task<int> PeekFirstNonWhitespaceAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            for (var i = _headPosition; i < _headLength; i++)
            {
                if (_head[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return _head[i];
                }
            }
            if (_headLength == _head.Length)
            {
                return -1;
            }
            var read = await inner.ReadAsync(_head.AsMemory(_headLength), cancellationToken);
            if (read == 0)
            {
                return -1;
            }
            _headLength += read;
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_headPosition < _headLength)
        {
            var count = Math.Min(buffer.Length, _headLength - _headPosition);
            _head.AsMemory(_headPosition, count).CopyTo(buffer);
            _headPosition += count;
            return count;
        }
        return await inner.ReadAsync(buffer, cancellationToken);
    }
}
