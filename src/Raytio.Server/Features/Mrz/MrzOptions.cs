using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Mrz;

/// <summary>Limits of the MRZ operation (settings Raytio:Mrz:*).</summary>
public sealed class MrzOptions
{
    public const string Section = "Raytio:Mrz";

    /// <summary>Largest request body: the image travels base64-encoded, a third larger than the file.</summary>
    [Range(typeof(long), "1024", "1073741824")]
    public long MaxRequestBodyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Largest decoded image, in pixels (width x height); larger ones answer 413 before their pixels are decoded.</summary>
    [Range(typeof(long), "10000", "400000000")]
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Reads running at once (each runs several Tesseract processes one after another); the default is the processor count.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentReads { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a request waits for a free read slot before 503 <c>server_busy</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
