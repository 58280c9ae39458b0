using ImageMagick;
using Raytio.Clarity.Diagnostics;

namespace Raytio.Clarity.Preparation;

/// <summary>
/// Brings an upload to a working size and straightens it. Tesseract reads best when capital
/// letters are a few dozen pixels tall; scaling the page's longer side into
/// [<see cref="MinLongSide"/>, <see cref="MaxLongSide"/>] keeps small phone shots readable and
/// keeps large scans from costing OCR time for detail it does not need. Each step runs only when
/// the page needs it: no resize inside the range, no median on a clean page, no turn when the
/// text is straight already.
/// </summary>
public static class PagePreparer
{
    public const int MinLongSide = 1000;
    public const int MaxLongSide = 2200;

    /// <summary>
    /// Pixel noise (deviation, 0-255) above which the page gets a 3x3 median: sensor noise and
    /// heavy JPEG speckle that Tesseract's binarisation would turn into stray marks inside letters.
    /// A clean photograph or scan measures well below it, and the median then only costs time.
    /// </summary>
    public const double NoisySigma = 2.5;

    /// <summary>Skew below this (degrees) is left: Tesseract reads such lines as straight, and turning resamples the page.</summary>
    public const double MinTurnDegrees = 0.3;

    /// <summary>The smallest longer side of a thorough preparation, for a page whose anchors the quick one did not show.</summary>
    public const int ThoroughMinLongSide = 1600;

    /// <summary>Prepares <paramref name="source"/>.</summary>
    /// <param name="thorough">
    /// A second try for a page the first reading could not place: a larger working size and the
    /// median whatever the noise measured, for small, blurred or speckled text.
    /// </param>
    public static PreparedPage Prepare(MagickImage source, StageTimings? timings = null, bool thorough = false)
    {
        timings ??= new StageTimings();
        var longSide = Math.Max(source.Width, source.Height);
        var minLongSide = thorough ? ThoroughMinLongSide : MinLongSide;
        var scale = longSide < minLongSide ? (double)minLongSide / longSide
            : longSide > MaxLongSide ? (double)MaxLongSide / longSide
            : 1.0;
        using var gray = timings.Time("gray", () =>
        {
            var copy = (MagickImage)source.Clone();
            copy.ColorType = ColorType.Grayscale;
            return copy;
        });
        timings.Time("resize", () => Resize(gray, scale));
        var pixels = timings.Time("pixels", () => PixelRaster.From(gray));
        var noise = timings.Time("noise", () => NoiseEstimator.Sigma(pixels));
        var denoised = thorough || noise > NoisySigma;
        if (denoised)
        {
            pixels = timings.Time("median", () =>
            {
                gray.MedianFilter(3);
                return PixelRaster.From(gray);
            });
        }
        var skew = timings.Time("deskew", () => SkewEstimator.EstimateDegrees(pixels));
        var turn = Math.Abs(skew) < MinTurnDegrees ? 0 : -skew;
        if (turn != 0)
            pixels = timings.Time("rotate", () => pixels.Rotate(turn));
        var transform = new PageTransform(scale, turn, (int)source.Width, (int)source.Height, pixels.Width, pixels.Height);
        return new PreparedPage(pixels, transform, noise, denoised);
    }

    private static void Resize(MagickImage image, double scale)
    {
        if (scale == 1.0)
            return;
        var width = (uint)Math.Max(1, Math.Round(image.Width * scale));
        var height = (uint)Math.Max(1, Math.Round(image.Height * scale));
        // A triangle filter: sharp enough for OCR at these factors, and a fraction of Lanczos' cost.
        image.Resize(width, height, FilterType.Triangle);
    }
}
