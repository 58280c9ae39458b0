namespace Raytio.Server.Features.Auth;

/// <summary>
/// The counters of failed logins and wrong codes: per (account, client address) first, so an
/// attacker on one address slows down only themselves; per client address; and per account
/// at a much higher threshold, which an attacker spread over many addresses eventually hits.
/// </summary>
public static class FailureCounters
{
    public static Throttle.Counter[] For(string scope, string username, HttpContext http, ThrottleOptions limits) =>
    [
        new(Throttle.AccountAndClient(scope, username, http), limits.FailuresPerAccountAndClient, GrowingDelay: true),
        new(Throttle.Client(scope, http), limits.FailuresPerClient, GrowingDelay: true),
        new(Throttle.Account(scope, username), limits.FailuresPerAccount, GrowingDelay: true),
    ];

    /// <summary>The (account, client) counter, forgotten after a success from that client.</summary>
    public static string PairKey(Throttle.Counter[] counters) => counters[0].Key;
}
