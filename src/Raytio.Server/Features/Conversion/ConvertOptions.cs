using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Conversion;

/// <summary>Limits of the JSON/CSV conversion endpoints (settings Raytio:Convert:*).</summary>
public sealed class ConvertOptions
{
    public const string Section = "Raytio:Convert";

    /// <summary>Largest raw body (a bare JSON array, or text/csv), converted streaming.</summary>
    [Range(typeof(long), "1024", "1099511627776")]
    public long MaxStreamingBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest wrapped body ({"json": [...]} or {"csv": "..."}), which is parsed in memory.</summary>
    [Range(typeof(long), "1024", "1099511627776")]
    public long MaxWrappedBytes { get; set; } = 32L * 1024 * 1024;
}
