using System.ComponentModel.DataAnnotations;

namespace Raytio.Server.Features.Clarity;

/// <summary>Settings of Clarity extraction and training (Raytio:Clarity:*).</summary>
public sealed class ClarityOptions
{
    public const string Section = "Raytio:Clarity";

    /// <summary>Largest request body: the image travels base64-encoded, a third larger than the file.</summary>
    [Range(typeof(long), "1024", "1073741824")]
    public long MaxRequestBodyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Largest decoded image, in pixels (width x height); larger ones answer 413 before their pixels are decoded.</summary>
    [Range(typeof(long), "10000", "400000000")]
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>Tesseract's shared library (a name the dynamic loader finds, or a path), called in process.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TesseractLibrary { get; set; } = Raytio.Clarity.Ocr.TesseractEngine.DefaultLibrary;
}
