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

    /// <summary>Where a point of the prepared page comes from in the uploaded image (the inverse of <see cref="Map"/>).</summary>
    public (double X, double Y) Unmap(double x, double y)
    {
        var (sin, cos) = Math.SinCos(RotationDegrees * Math.PI / 180);
        var dx = x - Width / 2.0;
        var dy = y - Height / 2.0;
        return ((dx * cos + dy * sin) / Scale + SourceWidth / 2.0, (-dx * sin + dy * cos) / Scale + SourceHeight / 2.0);
    }
}
