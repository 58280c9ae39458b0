namespace Raytio.JsonCsv.JsonToCsvCore;

/// <summary>
/// Gives the two-pass conversion an input it can read twice: a seekable stream is used in place, anything else
/// is spooled to a temporary file (deleted on dispose) so memory does not grow with the input.
/// </summary>
internal sealed class SeekableInput : IAsyncDisposable
{
    private readonly Stream? _spool;

    private SeekableInput(Stream stream, long origin, Stream? spool)
    {
        Stream = stream;
        Origin = origin;
        _spool = spool;
    }

    public Stream Stream { get; }

    public long Origin { get; }

    public static async Task<SeekableInput> OpenAsync(Stream input, long maxInputBytes, CancellationToken ct)
    {
        if (input.CanSeek)
        {
            if (input.Length - input.Position > maxInputBytes)
            {
                throw new JsonCsvInputTooLargeException(maxInputBytes);
            }
            return new SeekableInput(input, input.Position, spool: null);
        }
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            bufferSize: 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await new LimitedReadStream(input, maxInputBytes).CopyToAsync(spool, 1 << 16, ct).ConfigureAwait(false);
            spool.Position = 0;
            return new SeekableInput(spool, 0, spool);
        }
        catch
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Rewind() => Stream.Position = Origin;

    public ValueTask DisposeAsync() => _spool?.DisposeAsync() ?? ValueTask.CompletedTask;
}
