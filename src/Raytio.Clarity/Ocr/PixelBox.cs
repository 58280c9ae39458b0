namespace Raytio.Clarity.Ocr;

/// <summary>An axis-aligned rectangle in image pixels, origin top-left.</summary>
public readonly record struct PixelBox(int Left, int Top, int Width, int Height)
{
    public int Right => Left + Width;
    public int Bottom => Top + Height;
    public double CenterX => Left + Width / 2.0;
    public double CenterY => Top + Height / 2.0;
}
