using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.DocumentReads;

/// <summary>Admission of document reads, shared by operations 101-103 and the MRZ operation (settings Raytio:DocumentReads:*).</summary>
public sealed class DocumentReadOptions
{
    public const string Section = "Raytio:DocumentReads";

    /// <summary>Reads running at once (each decodes an image and makes Tesseract readings); the default is the processor count.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentReads { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a request waits for a free read slot before 503 <c>server_busy</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
