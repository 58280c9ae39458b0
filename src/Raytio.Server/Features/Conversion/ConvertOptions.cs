namespace Raytio.Server.Features.Conversion;

/// <summary>Limits of the JSON/CSV conversion endpoints (settings Raytio:Convert:*).</summary>
public sealed class ConvertOptions
{
    /// <summary>Largest raw body (a bare JSON array, or text/csv), converted streaming.</summary>
    public long MaxStreamingBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest wrapped body ({"json": [...]} or {"csv": "..."}), which is parsed in memory.</summary>
    public long MaxWrappedBytes { get; set; } = 32L * 1024 * 1024;
}
