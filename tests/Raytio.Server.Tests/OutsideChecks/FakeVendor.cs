using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Raytio.Server.Tests.OutsideChecks;

/// <summary>
/// A vendor's HTTP endpoint in process (the Live adapter's primary handler): answers each request
/// with the next scripted answer (the last one repeats) and keeps what it was sent.
/// </summary>
public sealed class FakeVendor : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _last;

    public ConcurrentQueue<(HttpRequestMessage Request, string? Body)> Received { get; } = new();

    public FakeVendor Answer(HttpStatusCode status, string body, string mediaType = "application/json", TimeSpan? retryAfter = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            if (retryAfter is { } wait)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(wait);
            }
            return Task.FromResult(response);
        });

    /// <summary>Answers only after <paramref name="delay"/> (or when the caller gives up).</summary>
    public FakeVendor Hang(TimeSpan delay) => Then(async (_, cancellationToken) =>
    {
        await Task.Delay(delay, cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
    });

    public FakeVendor Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Received.Enqueue((request, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        if (_script.TryDequeue(out var next))
        {
            _last = next;
        }
        var answer = _last ?? throw new InvalidOperationException("The fake vendor has no answer scripted.");
        return await answer(request, cancellationToken);
    }
}
