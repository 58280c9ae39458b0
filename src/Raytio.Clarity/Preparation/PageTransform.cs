namespace Raytio.Clarity.Preparation;

/// <summary>
/// How a prepared page's pixels relate to the uploaded image's: scaled by <see cref="Scale"/>,
/// then turned by <see cref="RotationDegrees"/> (clockwise, y down) about the centre onto a canvas
/// big enough to hold the turned image, as ImageMagick's rotate does.
/// </summary>
public sealed record PageTransform(double Scale, double RotationDegrees, int SourceWidth, int SourceHeight, int Width, int Height)
{
    /// <summary>Where a point of the uploaded image lands on the prepared page.</summary>
    public (double X, double Y) Map(double x, double y)
    {
        var (sin, cos) = Math.SinCos(RotationDegrees * Math.PI / 180);
        var dx = x * Scale - SourceWidth * Scale / 2;
        var dy = y * Scale - SourceHeight * Scale / 2;
        return (dx * cos - dy * sin + Width / 2.0, dx * sin + dy * cos + Height / 2.0);
    }
}
