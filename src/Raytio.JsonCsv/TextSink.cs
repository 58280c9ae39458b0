using System.Buffers;
using System.Text;

namespace Raytio.JsonCsv;

/// <summary>
/// Collects output text and writes it to the stream as UTF-8 in large asynchronous chunks, so output memory
/// stays bounded and no synchronous I/O reaches streams that forbid it (such as ASP.NET response bodies).
/// </summary>
internal sealed class TextSink(Stream output)
{
    private const int FlushThreshold = 64 * 1024;

    // Stateful so a surrogate pair split between two chunks is still encoded as one character.
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();

    public StringBuilder Text { get; } = new(FlushThreshold * 2);

    public ValueTask FlushIfFullAsync(CancellationToken ct) =>
        Text.Length >= FlushThreshold ? new ValueTask(WriteBufferedAsync(final: false, ct)) : ValueTask.CompletedTask;

    public async Task CompleteAsync(CancellationToken ct)
    {
        await WriteBufferedAsync(final: true, ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    private async Task WriteBufferedAsync(bool final, CancellationToken ct)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(Text.Length + 1));
        try
        {
            var length = 0;
            foreach (var chunk in Text.GetChunks())
            {
                length += _encoder.GetBytes(chunk.Span, bytes.AsSpan(length), flush: false);
            }
            if (final)
            {
                length += _encoder.GetBytes([], bytes.AsSpan(length), flush: true);
            }
            Text.Clear();
            await output.WriteAsync(bytes.AsMemory(0, length), ct).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
