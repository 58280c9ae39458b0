namespace Raytio.Clarity.Imaging;

/// <summary>
/// Bounds on an uploaded image, checked before its pixels are decoded so that a small file
/// declaring huge dimensions (a decompression bomb) is refused without allocating them.
/// </summary>
/// <param name="MaxBytes">The largest encoded upload accepted.</param>
/// <param name="MaxWidth">The widest image accepted, in pixels.</param>
/// <param name="MaxHeight">The tallest image accepted, in pixels.</param>
/// <param name="MaxPixels">The largest pixel area accepted (width x height).</param>
/// <param name="PdfDpi">The resolution a PDF's first page is rendered at.</param>
public sealed record ImageLimits(
    long MaxBytes = 20 * 1024 * 1024,
    int MaxWidth = 12_000,
    int MaxHeight = 12_000,
    long MaxPixels = 40_000_000,
    int PdfDpi = 200)
{
    public static ImageLimits Default { get; } = new();
}
