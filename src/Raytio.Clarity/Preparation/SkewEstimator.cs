namespace Raytio.Clarity.Preparation;

/// <summary>
/// Measures how far a document's text lines are turned from horizontal, by projection profiles:
/// the ink pixels of a small copy of the gray page are projected onto the vertical axis of each candidate
/// rotation, and text lines make the sharpest profile (largest sum of squared bin counts) when
/// the rotation matches theirs. Cheap (one small image, integer bins) and indifferent to what
/// the text says.
/// </summary>
public static class SkewEstimator
{
    /// <summary>The largest skew looked for, in degrees either way.</summary>
    public const double MaxDegrees = 15;

    private const int SampleSide = 700;
    private const double CoarseStep = 0.5;
    private const double FineStep = 0.1;
    private const int NeighbourhoodRadius = 8;

    /// <summary>How much darker than its neighbourhood (0-255) a pixel must be to count as ink.</summary>
    private const double InkContrast = 30;

    /// <summary>The skew in degrees, clockwise positive (image y pointing down); rotating by its negative straightens the page.</summary>
    public static double EstimateDegrees(PixelRaster gray)
    {
        var points = DarkPoints(gray.Shrunk(SampleSide));
        if (points.Count == 0)
            return 0;
        var coarse = Best(points, -MaxDegrees, MaxDegrees, CoarseStep);
        return Math.Round(Best(points, coarse - CoarseStep, coarse + CoarseStep, FineStep), 2);
    }

    private static double Best(List<(int X, int Y)> points, double from, double to, double step)
    {
        var best = 0.0;
        var bestScore = double.MinValue;
        for (var degrees = from; degrees <= to + 1e-9; degrees += step)
        {
            var score = Sharpness(points, degrees);
            // Ties go to the smaller turn, so a blank or uniform page reads as straight.
            if (score > bestScore + 1e-9 || (Math.Abs(score - bestScore) <= 1e-9 && Math.Abs(degrees) < Math.Abs(best)))
                (best, bestScore) = (degrees, score);
        }
        return best;
    }

    private static double Sharpness(List<(int X, int Y)> points, double degrees)
    {
        var radians = degrees * Math.PI / 180;
        var (sin, cos) = Math.SinCos(radians);
        var offset = 2 * SampleSide;
        var bins = new int[4 * SampleSide];
        foreach (var (x, y) in points)
            bins[(int)Math.Round(y * cos - x * sin) + offset]++;
        double score = 0;
        foreach (var count in bins)
            score += (double)count * count;
        return score;
    }

    /// <summary>
    /// Ink pixels of the gray page shrunk (area means) to a longer side of at most
    /// <see cref="SampleSide"/>: those clearly
    /// darker than the mean of their neighbourhood. A global threshold would count a whole
    /// background or picture area, whose profile says nothing about the text's direction.
    /// </summary>
    private static List<(int X, int Y)> DarkPoints(PixelRaster sample)
    {
        var width = sample.Width;
        var height = sample.Height;
        var gray = sample.Pixels;
        var sums = IntegralImage(gray, width, height);
        var points = new List<(int X, int Y)>();
        for (var y = 0; y < height; y++)
        {
            var top = Math.Max(0, y - NeighbourhoodRadius);
            var bottom = Math.Min(height, y + NeighbourhoodRadius + 1);
            for (var x = 0; x < width; x++)
            {
                var left = Math.Max(0, x - NeighbourhoodRadius);
                var right = Math.Min(width, x + NeighbourhoodRadius + 1);
                var sum = sums[bottom * (width + 1) + right] - sums[top * (width + 1) + right]
                    - sums[bottom * (width + 1) + left] + sums[top * (width + 1) + left];
                var mean = (double)sum / ((bottom - top) * (right - left));
                if (gray[y * width + x] < mean - InkContrast)
                    points.Add((x, y));
            }
        }
        return points;
    }

    /// <summary>Summed-area table: entry (y, x) is the sum of all pixels above and left of (x, y).</summary>
    private static long[] IntegralImage(byte[] gray, int width, int height)
    {
        var sums = new long[(width + 1) * (height + 1)];
        for (var y = 0; y < height; y++)
        {
            long row = 0;
            for (var x = 0; x < width; x++)
            {
                row += gray[y * width + x];
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row;
            }
        }
        return sums;
    }
}
