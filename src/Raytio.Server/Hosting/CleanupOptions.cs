using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Hosting;

/// <summary>Settings under Raytio:Cleanup: the background removal of expired rows.</summary>
public sealed class CleanupOptions
{
    public const string Section = "Raytio:Cleanup";

    /// <summary>Time between two cleanup passes on each replica.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long expired or revoked refresh tokens are kept before they are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan RefreshTokenGrace { get; set; } = TimeSpan.FromDays(1);
}
