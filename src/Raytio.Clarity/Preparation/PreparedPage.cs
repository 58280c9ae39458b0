namespace Raytio.Clarity.Preparation;

/// <summary>
/// An upload made ready for OCR: gray, at a working size, straightened. <see cref="Transform"/>
/// says where the upload's pixels went (image components are cut from the upload itself through
/// it, so no colour copy of the page is made).
/// </summary>
public sealed class PreparedPage(PixelRaster gray, PageTransform transform, double noiseSigma, bool denoised)
{
    public PixelRaster Gray => gray;
    public PageTransform Transform => transform;

    /// <summary>The skew removed, degrees clockwise.</summary>
    public double SkewDegrees => 0.0 - transform.RotationDegrees;

    /// <summary>The page's estimated pixel noise (deviation, 0-255) and whether it got the median filter for it.</summary>
    public double NoiseSigma => noiseSigma;

    public bool Denoised => denoised;
}
