namespace Raytio.Clarity.Preparation;

/// <summary>
/// Estimates the standard deviation of a gray page's pixel noise (0-255), after Immerkær (1996):
/// the page is convolved with a mask that cancels flat areas and straight ramps,
/// [1 -2 1; -2 4 -2; 1 -2 1], whose response to independent noise of deviation s has deviation
/// 6s. The median of the absolute responses (0.6745 of a deviation for a normal variable) is
/// taken rather than their mean, so the letters' edges, a small part of a document, do not count
/// as noise.
/// </summary>
public static class NoiseEstimator
{
    private const double MedianOfAbsoluteNormal = 0.6745;

    /// <summary>Every second row and column is enough for a page of a million pixels.</summary>
    private const int Step = 2;

    public static double Sigma(PixelRaster gray)
    {
        var width = gray.Width;
        var height = gray.Height;
        if (width < 3 || height < 3 || gray.Channels != 1)
            return 0;
        var p = gray.Pixels;
        var histogram = new long[16 * 255 + 1];
        long count = 0;
        for (var y = 1; y < height - 1; y += Step)
        {
            var above = (y - 1) * width;
            var row = y * width;
            var below = (y + 1) * width;
            for (var x = 1; x < width - 1; x += Step)
            {
                var response = p[above + x - 1] - 2 * p[above + x] + p[above + x + 1]
                    - 2 * p[row + x - 1] + 4 * p[row + x] - 2 * p[row + x + 1]
                    + p[below + x - 1] - 2 * p[below + x] + p[below + x + 1];
                histogram[Math.Abs(response)]++;
                count++;
            }
        }
        long seen = 0;
        for (var value = 0; value < histogram.Length; value++)
        {
            seen += histogram[value];
            if (seen * 2 >= count)
                return value / (6 * MedianOfAbsoluteNormal);
        }
        return 0;
    }
}
