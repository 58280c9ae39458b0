namespace Raytio.JsonCsv.Tests;

/// <summary>A memory stream whose <see cref="FirstWrite"/> completes when output first arrives.</summary>
public sealed class FirstWriteSignallingStream : MemoryStream
{
    private readonly TaskCompletionSource _firstWrite = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstWrite => _firstWrite.Task;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await base.WriteAsync(buffer, cancellationToken);
        _firstWrite.TrySetResult();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        base.Write(buffer, offset, count);
        _firstWrite.TrySetResult();
    }
}
