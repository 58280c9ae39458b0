using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Providers.Outside;

/// <summary>The HTTP behaviour of a Live adapter: where it calls and how long and how often it tries.</summary>
public class ProviderHttpOptions
{
    /// <summary>Bound on one try; a try that takes longer is cancelled (and retried when the call may be retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bound on the whole call, retries and their waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of an idempotent call (GET) after a timeout, 408, 429 (honouring Retry-After) or 5xx; 0 turns them off.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry's mean wait (exponential back-off with jitter from there).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest wait a Retry-After may impose before a retry; a longer one fails the call at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The circuit opens when at least this share of calls failed in <see cref="BreakerWindow"/> (with 10 calls or more).</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakerWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before it lets one through again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
