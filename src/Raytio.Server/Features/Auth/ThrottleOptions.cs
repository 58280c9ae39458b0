using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Auth;

/// <summary>Settings under Raytio:Throttle: failure and email counters per window.</summary>
public sealed class ThrottleOptions
{
    public const string Section = "Raytio:Throttle";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed logins or wrong codes for one account within the window.</summary>
    [Range(1, 1_000_000)]
    public int FailuresPerAccount { get; set; } = 5;

    /// <summary>Failed logins or wrong codes from one client address within the window.</summary>
    [Range(1, 1_000_000)]
    public int FailuresPerClient { get; set; } = 50;

    /// <summary>Emails (codes) sent to one account within the window.</summary>
    [Range(1, 1_000_000)]
    public int EmailsPerAccount { get; set; } = 5;
}
