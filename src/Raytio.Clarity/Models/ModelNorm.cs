namespace Raytio.Clarity.Models;

/// <summary>
/// A model's <c>norm</c>, [unit, dx, dy] in pixels of the upright training image: <c>unit</c> is
/// anchor A's width (the length of one frame unit), (dx, dy) the offset from anchor A's top-left
/// corner to anchor C's bottom-right corner. Extraction compares the same offset on the new
/// image with (dx, dy) to learn its scale and any rotation left after deskewing.
/// </summary>
public readonly record struct ModelNorm(int Unit, int Dx, int Dy)
{
    public double Length => Math.Sqrt((double)Dx * Dx + (double)Dy * Dy);

    public double Direction => Math.Atan2(Dy, Dx);

    public int[] ToArray() => [Unit, Dx, Dy];
}
