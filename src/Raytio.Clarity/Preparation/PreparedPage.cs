using ImageMagick;

namespace Raytio.Clarity.Preparation;

/// <summary>
/// An upload made ready for OCR: gray, at a working size, straightened. <see cref="Transform"/>
/// says where the upload's pixels went; <see cref="RenderColor"/> makes the same page in colour
/// for image crops only when a model asks for them.
/// </summary>
public sealed class PreparedPage(MagickImage gray, MagickImage source, PageTransform transform) : IDisposable
{
    public MagickImage Gray => gray;
    public PageTransform Transform => transform;

    /// <summary>The skew removed, degrees clockwise.</summary>
    public double SkewDegrees => 0.0 - transform.RotationDegrees;

    /// <summary>The gray page as binary PGM, which Tesseract reads without a decoder's cost.</summary>
    public byte[] ToOcrInput()
    {
        // Eight bits always: ImageMagick writes a one-colour page with maxval 1, which Leptonica refuses.
        gray.Depth = 8;
        return gray.ToByteArray(MagickFormat.Pgm);
    }

    public MagickImage RenderColor()
    {
        var color = (MagickImage)source.Clone();
        PagePreparer.Apply(color, transform);
        return color;
    }

    public void Dispose() => gray.Dispose();
}
