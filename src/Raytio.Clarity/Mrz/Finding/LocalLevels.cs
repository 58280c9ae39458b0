namespace Raytio.Clarity.Mrz.Finding;

/// <summary>
/// The local dark and bright ends of a grayscale image: for each square block, the 5th and
/// 95th percentiles of the block and its eight neighbours. Print lies at the dark end, paper
/// at the bright end, under glare and in shadow alike.
/// </summary>
public sealed class LocalLevels
{
    /// <summary>Below this spread a neighbourhood is taken for bare paper (or a flat patch of background).</summary>
    public const int MinimumContrast = 40;

    private readonly byte[] _dark;
    private readonly byte[] _bright;
    private readonly int _columns;
    private readonly int _rows;

    private LocalLevels(int block, int columns, int rows, byte[] dark, byte[] bright)
    {
        Block = block;
        _columns = columns;
        _rows = rows;
        _dark = dark;
        _bright = bright;
    }

    public int Block { get; }

    /// <summary>The dark and bright ends around pixel (x, y), interpolated between the block centres so no block edge shows.</summary>
    public (int Dark, int Bright) At(int x, int y)
    {
        var (fx, fy) = (Math.Max(0, (x + 0.5) / Block - 0.5), Math.Max(0, (y + 0.5) / Block - 0.5));
        var (c0, r0) = (Math.Min((int)fx, _columns - 1), Math.Min((int)fy, _rows - 1));
        var (c1, r1) = (Math.Min(c0 + 1, _columns - 1), Math.Min(r0 + 1, _rows - 1));
        var (wx, wy) = (fx - c0, fy - r0);
        double Blend(byte[] v) =>
            (v[r0 * _columns + c0] * (1 - wx) + v[r0 * _columns + c1] * wx) * (1 - wy)
            + (v[r1 * _columns + c0] * (1 - wx) + v[r1 * _columns + c1] * wx) * wy;
        return ((int)Blend(_dark), (int)Blend(_bright));
    }

    public static LocalLevels Of(GrayMap map, int block)
    {
        var (columns, rows) = ((map.Width + block - 1) / block, (map.Height + block - 1) / block);
        var histograms = new int[columns * rows, 256];
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
                histograms[y / block * columns + x / block, map[x, y]]++;
        }
        var dark = new byte[columns * rows];
        var bright = new byte[columns * rows];
        var merged = new int[256];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                Array.Clear(merged);
                var total = 0;
                for (var r = Math.Max(0, row - 1); r <= Math.Min(rows - 1, row + 1); r++)
                {
                    for (var c = Math.Max(0, column - 1); c <= Math.Min(columns - 1, column + 1); c++)
                    {
                        for (var v = 0; v < 256; v++)
                        {
                            merged[v] += histograms[r * columns + c, v];
                            total += histograms[r * columns + c, v];
                        }
                    }
                }
                dark[row * columns + column] = Percentile(merged, total, 0.05);
                bright[row * columns + column] = Percentile(merged, total, 0.95);
            }
        }
        return new LocalLevels(block, columns, rows, dark, bright);
    }

    private static byte Percentile(int[] histogram, int total, double fraction)
    {
        var wanted = (int)(total * fraction);
        var seen = 0;
        for (var v = 0; v < 256; v++)
        {
            seen += histogram[v];
            if (seen > wanted)
                return (byte)v;
        }
        return 255;
    }
}
