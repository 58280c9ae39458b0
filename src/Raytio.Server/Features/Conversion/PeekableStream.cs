namespace Raytio.Server.Features.Conversion;

/// <summary>
/// A read-only forward stream that can look at its first bytes (to tell a bare JSON array from a
/// wrapper object) and still hand every byte on, without buffering the whole body.
/// </summary>
internal sealed class PeekableStream(Stream inner) : ForwardReadStream
{
    private readonly byte[] head = new byte[4096];
    private int headLength;
    private int headPosition;

    /// <summary>The first byte that is not JSON whitespace, or -1 for an empty body.</summary>
    public async Task<int> PeekFirstNonWhitespaceAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            for (var i = headPosition; i < headLength; i++)
            {
                if (head[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return head[i];
                }
            }
            if (headLength == head.Length)
            {
                return -1;
            }
            var read = await inner.ReadAsync(head.AsMemory(headLength), cancellationToken);
            if (read == 0)
            {
                return -1;
            }
            headLength += read;
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (headPosition < headLength)
        {
            var count = Math.Min(buffer.Length, headLength - headPosition);
            head.AsMemory(headPosition, count).CopyTo(buffer);
            headPosition += count;
            return count;
        }
        return await inner.ReadAsync(buffer, cancellationToken);
    }
}
