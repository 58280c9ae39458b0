namespace Raytio.JsonCsv.Tests;

/// <summary>A seekable stream that returns at most a few bytes per read, so JSON tokens are split between reads.</summary>
public sealed class TrickleStream(byte[] data, int maxRead) : MemoryStream(data)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, maxRead));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, maxRead)], cancellationToken);
}
