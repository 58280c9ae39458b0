using ImageMagick;

namespace Raytio.Clarity.Preparation;

/// <summary>
/// Brings an upload to a working size and straightens it. Tesseract reads best when capital
/// letters are a few dozen pixels tall; scaling the page's longer side into
/// [<see cref="MinLongSide"/>, <see cref="MaxLongSide"/>] keeps small phone shots readable and
/// keeps large scans from costing OCR time for detail it does not need.
/// </summary>
public static class PagePreparer
{
    public const int MinLongSide = 1400;
    public const int MaxLongSide = 2200;

    /// <summary>Prepares <paramref name="source"/>; it must stay alive while the page is used.</summary>
    public static PreparedPage Prepare(MagickImage source)
    {
        var longSide = Math.Max(source.Width, source.Height);
        var scale = longSide < MinLongSide ? (double)MinLongSide / longSide
            : longSide > MaxLongSide ? (double)MaxLongSide / longSide
            : 1.0;
        var gray = (MagickImage)source.Clone();
        gray.ColorType = ColorType.Grayscale;
        Resize(gray, scale);
        // A 3x3 median removes sensor noise and JPEG speckle that Tesseract's binarisation
        // otherwise turns into stray marks inside letters, and keeps strokes' edges.
        gray.MedianFilter(3);
        var skew = SkewEstimator.EstimateDegrees(gray);
        Rotate(gray, -skew);
        var transform = new PageTransform(scale, -skew, (int)source.Width, (int)source.Height, (int)gray.Width, (int)gray.Height);
        return new PreparedPage(gray, source, transform);
    }

    /// <summary>Applies a transform made by <see cref="Prepare"/> to another copy of the same upload.</summary>
    internal static void Apply(MagickImage image, PageTransform transform)
    {
        Resize(image, transform.Scale);
        Rotate(image, transform.RotationDegrees);
    }

    private static void Resize(MagickImage image, double scale)
    {
        if (scale == 1.0)
            return;
        var width = (uint)Math.Max(1, Math.Round(image.Width * scale));
        var height = (uint)Math.Max(1, Math.Round(image.Height * scale));
        image.Resize(new MagickGeometry(width, height) { IgnoreAspectRatio = true });
    }

    private static void Rotate(MagickImage image, double degrees)
    {
        if (degrees == 0)
            return;
        image.BackgroundColor = MagickColors.White;
        image.Rotate(degrees);
    }
}
