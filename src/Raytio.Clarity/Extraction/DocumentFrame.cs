namespace Raytio.Clarity.Extraction;

/// <summary>
/// A model's frame placed on a prepared page: frame point (x, y) is at
/// Origin + R(Rotation) * (PixelsPerUnit * x, PixelsPerUnit * y) in page pixels.
/// </summary>
public sealed record DocumentFrame(double OriginX, double OriginY, double PixelsPerUnit, double RotationRadians)
{
    public (double X, double Y) ToPixels(double x, double y)
    {
        var (sin, cos) = Math.SinCos(RotationRadians);
        var (u, v) = (x * PixelsPerUnit, y * PixelsPerUnit);
        return (OriginX + u * cos - v * sin, OriginY + u * sin + v * cos);
    }

    public (double X, double Y) ToFrame(double px, double py)
    {
        var (sin, cos) = Math.SinCos(RotationRadians);
        var (dx, dy) = (px - OriginX, py - OriginY);
        return ((dx * cos + dy * sin) / PixelsPerUnit, (-dx * sin + dy * cos) / PixelsPerUnit);
    }
}
