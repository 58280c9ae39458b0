using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Links;

/// <summary>Settings under Raytio:Links.</summary>
public sealed class LinkOptions
{
    public const string Section = "Raytio:Links";

    /// <summary>The reference's limit for a link made without `persist`.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>How long a link made without `persist` redirects.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan ExpiresAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The longest URL of a persisted or organisation link (the reference only says "longer" than 2048).</summary>
    [Range(MaxUrlLength, 1_000_000)]
    public int MaxPersistedUrlLength { get; set; } = 32_768;

    /// <summary>How many found links the redirect keeps in memory (0 turns the cache off).</summary>
    [Range(0, 10_000_000)]
    public int CacheEntries { get; set; } = 100_000;
}
