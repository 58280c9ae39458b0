namespace Raytio.Clarity.Tests.Documents;

/// <summary>How a rendered card is photographed: turned, scaled, made noisy and JPEG-compressed.</summary>
public sealed record Distortion(double AngleDegrees, double Scale, bool Noisy, int JpegQuality)
{
    public static readonly Distortion None = new(0, 1, false, 95);

    /// <summary>Up to 10 degrees either way, 0.5x to 2x; noisy ones get Gaussian noise, a slight blur and quality 40-60.</summary>
    public static Distortion Random(Random random, bool noisy) => new(
        random.NextDouble() * 20 - 10,
        0.5 + random.NextDouble() * 1.5,
        noisy,
        noisy ? 40 + random.Next(21) : 90);
}
