using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Raytio.Server.Providers.Outside;

/// <summary>
/// The HttpClient of a Live adapter with its resilience pipeline (Microsoft.Extensions.Http.Resilience),
/// outermost first: a bound on the whole call, retries with exponential back-off and jitter for
/// idempotent methods only (GET, HEAD, ...; a POST is never sent twice) on timeouts, 408, 429
/// (waiting as Retry-After says, up to <see cref="ProviderHttpOptions.MaxRetryAfter"/>) and 5xx, a
/// circuit breaker so a provider that keeps failing is not hammered, and a bound on each try.
/// </summary>
public static class ProviderHttp
{
    public static IHttpClientBuilder AddProviderHttpClient(this IServiceCollection services, string name, Func<IServiceProvider, ProviderHttpOptions> settings)
    {
        var builder = services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(name + "-resilience", (pipeline, context) =>
        {
            var options = settings(context.ServiceProvider);
            pipeline
                .AddTimeout(options.TotalTimeout)
                .AddRetry(Retry(options))
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = options.BreakerFailureRatio,
                    SamplingDuration = options.BreakerWindow,
                    MinimumThroughput = 10,
                    BreakDuration = options.BreakDuration,
                })
                .AddTimeout(options.AttemptTimeout);
        });
        return builder;
    }

    private static HttpRetryStrategyOptions Retry(ProviderHttpOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryDelay,
            MaxDelay = options.MaxRetryAfter,
            ShouldRetryAfterHeader = true,
        };
        var transient = retry.ShouldHandle;
        retry.ShouldHandle = args => options.MaxRetries == 0 ? PredicateResult.False() : transient(args);
        retry.DisableForUnsafeHttpMethods();
        return retry;
    }

    /// <summary>
    /// Sends the request through the pipeline and turns every way it can fail into a
    /// <see cref="ProviderFailedException"/> naming <paramref name="provider"/>; a status that is not
    /// 2xx is the caller's to judge (some, like 404, are answers).
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string provider, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw new ProviderFailedException(provider, "did not answer in time", timeout);
        }
        catch (BrokenCircuitException open)
        {
            throw new ProviderFailedException(provider, "has failed repeatedly and is not being called for a while", open);
        }
        catch (HttpRequestException unreachable)
        {
            throw new ProviderFailedException(provider, "could not be reached", unreachable);
        }
        catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderFailedException(provider, "did not answer in time", cancelled);
        }
    }

    /// <summary>The failure for a status the adapter cannot use (the body is not read or passed on).</summary>
    public static ProviderFailedException Unexpected(string provider, HttpStatusCode status) =>
        new(provider, status == HttpStatusCode.TooManyRequests
            ? "kept refusing calls as too many (429)"
            : $"answered {(int)status}");
}
