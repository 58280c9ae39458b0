using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Auth;

/// <summary>
/// Settings under Raytio:Throttle. Failed logins and wrong codes are counted per (account, client
/// address), per client address and per account; past its free attempts each counter makes the
/// next attempt wait twice as long as the last (from FirstDelay up to Window). The per-account
/// counter is set much higher, so an attacker spread over many addresses does not lock the owner
/// out until a lot of guessing has happened.
/// </summary>
public sealed class ThrottleOptions
{
    public const string Section = "Raytio:Throttle";

    /// <summary>A counter forgets its count once this long has passed since its last event; the longest delay.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first delay after the free attempts; each further failure doubles it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Free failed logins or wrong codes for one account from one client address.</summary>
    [Range(1, 1_000_000)]
    public int FailuresPerAccountAndClient { get; set; } = 5;

    /// <summary>Free failed logins or wrong codes from one client address, whatever the account.</summary>
    [Range(1, 1_000_000)]
    public int FailuresPerClient { get; set; } = 50;

    /// <summary>Free failed logins or wrong codes for one account from all addresses together.</summary>
    [Range(1, 1_000_000)]
    public int FailuresPerAccount { get; set; } = 100;

    /// <summary>Emails (codes) sent to one account within the window: a hard limit.</summary>
    [Range(1, 1_000_000)]
    public int EmailsPerAccount { get; set; } = 5;

    /// <summary>Signup and reset emails asked for from one client address within the window: a hard limit.</summary>
    [Range(1, 1_000_000)]
    public int EmailsPerClient { get; set; } = 50;
}
