using System.Text;
using ImageMagick;

namespace Raytio.Clarity.Mrz.Finding;

/// <summary>
/// Local contrast normalisation: each pixel stretched between its neighbourhood's dark and
/// bright ends (<see cref="LocalLevels"/>), so print under a glare patch comes out as dark on
/// white as print beside it; a neighbourhood without contrast becomes white paper.
/// </summary>
public static class ContrastNormaliser
{
    public static MagickImage Normalise(GrayMap map, int block)
    {
        var levels = LocalLevels.Of(map, block);
        var header = Encoding.ASCII.GetBytes($"P5\n{map.Width} {map.Height}\n255\n");
        var pixels = new byte[header.Length + map.Width * map.Height];
        header.CopyTo(pixels, 0);
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                var (dark, bright) = levels.At(x, y);
                var spread = bright - dark;
                pixels[header.Length + y * map.Width + x] = spread < LocalLevels.MinimumContrast
                    ? (byte)255
                    : (byte)Math.Clamp((map[x, y] - dark) * 255 / spread, 0, 255);
            }
        }
        return new MagickImage(pixels, new MagickReadSettings { Format = MagickFormat.Pgm });
    }
}
