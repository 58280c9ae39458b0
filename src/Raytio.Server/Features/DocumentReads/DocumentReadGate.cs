using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.DocumentReads;

/// <summary>
/// Bounds the document reads running at once (<see cref="DocumentReadOptions.MaxConcurrentReads"/>)
/// across operations 101-103 and the MRZ operation: each decodes an image and makes Tesseract
/// readings, so more reads than cores only slow every one down and hold more images in memory.
/// A request waits for a slot up to <see cref="DocumentReadOptions.QueueTimeout"/>, then is
/// refused with 503 <c>server_busy</c> and a Retry-After, before anything is charged.
/// </summary>
public sealed class DocumentReadGate(IOptions<DocumentReadOptions> options) : IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentReads, options.Value.MaxConcurrentReads);
    private readonly TimeSpan _queueTimeout = options.Value.QueueTimeout;

    /// <exception cref="ApiException">503 <c>server_busy</c> when no slot freed within the queue timeout.</exception>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (!await _slots.WaitAsync(_queueTimeout, cancellationToken))
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "server_busy", "The server is busy reading other documents. Try again shortly.")
            {
                RetryAfter = RetryAfter,
            };
        }
        try
        {
            return await work();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
