using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Organizations;

/// <summary>Settings of invitations under Raytio:Organizations.</summary>
public sealed class InviteOptions
{
    public const string Section = "Raytio:Organizations";

    /// <summary>How long an invitation's code can be used after it is sent.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long an expired, revoked or accepted invitation is kept (for support questions) before cleanup deletes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan InviteRetention { get; set; } = TimeSpan.FromDays(30);
}
