namespace Raytio.Server.Features.Conversion;

/// <summary>Reads at most a number of bytes from a body and fails past it, whatever Content-Length said.</summary>
internal sealed class LimitedStream(Stream inner, long limit) : ForwardReadStream
{
    private long consumed;

    public sealed class LimitExceededException : IOException;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        consumed += read;
        return consumed > limit ? throw new LimitExceededException() : read;
    }
}
