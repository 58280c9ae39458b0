using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>Settings Raytio:ApplicationRequests:*.</summary>
public sealed class ApplicationRequestOptions
{
    public const string Section = "Raytio:ApplicationRequests";

    /// <summary>
    /// How long a request lives after its creation. Older requests are no longer listed or
    /// changed, and the cleanup pass deletes them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan DeleteAfter { get; set; } = TimeSpan.FromDays(7);
}
