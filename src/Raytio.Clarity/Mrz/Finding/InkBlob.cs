namespace Raytio.Clarity.Mrz.Finding;

/// <summary>A connected piece of ink: its box and how many pixels it holds.</summary>
public sealed record InkBlob(int Left, int Top, int Right, int Bottom, int Pixels)
{
    public int Width => Right - Left;
    public int Height => Bottom - Top;
    public double CenterX => (Left + Right) / 2.0;
    public double CenterY => (Top + Bottom) / 2.0;

    /// <summary>The share of its box the ink fills.</summary>
    public double Density => (double)Pixels / Math.Max(1, Width * Height);
}
