using ImageMagick;

namespace Raytio.Clarity.Mrz;

/// <summary>An 8-bit grayscale copy of an image's pixels, 0 black, for reading glyph shapes cell by cell.</summary>
public sealed class GrayMap
{
    private readonly byte[] _pixels;

    private GrayMap(int width, int height, byte[] pixels)
    {
        Width = width;
        Height = height;
        _pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }

    public static GrayMap From(IMagickImage<byte> image)
    {
        using var pixels = image.GetPixels();
        var red = pixels.ToByteArray(0, 0, image.Width, image.Height, "R")
            ?? throw new InvalidOperationException("The image has no pixels.");
        return new GrayMap((int)image.Width, (int)image.Height, red);
    }

    public byte this[int x, int y] => x < 0 || y < 0 || x >= Width || y >= Height ? (byte)255 : _pixels[y * Width + x];

    /// <summary>
    /// The box of the ink (pixels darker than <paramref name="threshold"/>) inside the region, or
    /// null when the region holds none.
    /// </summary>
    public (int Left, int Top, int Right, int Bottom)? InkBox(int left, int top, int right, int bottom, byte threshold)
    {
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        for (var y = top; y < bottom; y++)
        {
            for (var x = left; x < right; x++)
            {
                if (this[x, y] >= threshold)
                    continue;
                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y);
                maxY = Math.Max(maxY, y);
            }
        }
        return maxX < 0 ? null : (minX, minY, maxX + 1, maxY + 1);
    }

    /// <summary>The region's ink (255 minus the gray) averaged onto a grid of <paramref name="columns"/> x <paramref name="rows"/> cells.</summary>
    public double[] Grid(int left, int top, int right, int bottom, int columns, int rows)
    {
        var grid = new double[columns * rows];
        var width = Math.Max(1, right - left);
        var height = Math.Max(1, bottom - top);
        for (var row = 0; row < rows; row++)
        {
            var y0 = top + row * height / (double)rows;
            var y1 = top + (row + 1) * height / (double)rows;
            for (var column = 0; column < columns; column++)
            {
                var x0 = left + column * width / (double)columns;
                var x1 = left + (column + 1) * width / (double)columns;
                double sum = 0;
                var samples = 0;
                for (var y = (int)y0; y < Math.Max(y1, y0 + 1); y++)
                {
                    for (var x = (int)x0; x < Math.Max(x1, x0 + 1); x++)
                    {
                        sum += 255 - this[x, y];
                        samples++;
                    }
                }
                grid[row * columns + column] = sum / samples;
            }
        }
        return grid;
    }
}
