namespace Raytio.Clarity.Mrz.Finding;

/// <summary>
/// Which pixels are ink, by local contrast: darker than halfway between the local dark and
/// bright ends (<see cref="LocalLevels"/>), so print under glare or in shadow is found as well
/// as print in even light, and faint background patterns beside dark print stay paper. A
/// neighbourhood without enough contrast holds no ink.
/// </summary>
public sealed class InkMask
{
    private readonly bool[] _ink;

    private InkMask(int width, int height, bool[] ink)
    {
        Width = width;
        Height = height;
        _ink = ink;
    }

    public int Width { get; }
    public int Height { get; }

    public bool this[int x, int y] => _ink[y * Width + x];

    /// <param name="block">The block's side in pixels: about a character's height or a little more.</param>
    public static InkMask From(GrayMap map, int block)
    {
        var levels = LocalLevels.Of(map, block);
        var ink = new bool[map.Width * map.Height];
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                var (dark, bright) = levels.At(x, y);
                ink[y * map.Width + x] = bright - dark >= LocalLevels.MinimumContrast && map[x, y] < (dark + bright) / 2;
            }
        }
        return new InkMask(map.Width, map.Height, ink);
    }
}
