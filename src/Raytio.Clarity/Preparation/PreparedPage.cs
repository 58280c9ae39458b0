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
    public double SkewDegrees => -transform.RotationDegrees;

    /// <summary>The gray page as binary PGM, which Tesseract reads without a decoder's cost.</summary>
    public byte[] ToOcrInput() => gray.ToByteArray(MagickFormat.Pgm);

    public MagickImage RenderColor()
    {
        var color = (MagickImage)source.Clone();
        PagePreparer.Apply(color, transform);
        return color;
    }

    public void Dispose() => gray.Dispose();
}
