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
}
