namespace Raytio.Clarity.Mrz.Finding;

/// <summary>
/// A run of ink blobs of like height side by side: a printed text line, its middle fitted as
/// the straight line y = <see cref="Intercept"/> + <see cref="Slope"/> x.
/// </summary>
public sealed class TextLineTrace
{
    public TextLineTrace(IReadOnlyList<InkBlob> blobs)
    {
        Blobs = blobs;
        var heights = blobs.Select(b => b.Height).Order().ToList();
        // Capitals and digits are the line's tallest glyphs; fillers and merged fillers are shorter.
        Height = heights[(int)(heights.Count * 0.75)];
        // The middle from full-height glyphs, the ends from glyph-sized blobs: a glyph merged
        // with a guilloche crossing it stands taller, off the middle, and may reach beyond the end.
        var tall = blobs.Where(b => b.Height >= Height * 0.75 && b.Height <= Height * 1.25).ToList();
        (Intercept, Slope) = Fit(tall.Count >= 2 ? tall : blobs);
        // A zone line begins with a letter or digit (a document code, number, date or name),
        // so its start is its first full-height glyph's; it may end in fillers, so its end is
        // the last glyph-sized blob's. Specks of a pattern before the line are neither.
        var glyphs = blobs.Where(b => b.Height >= Height * 0.4 && b.Height <= Height * 1.25).ToList();
        Left = (tall.Count > 0 ? tall : blobs).Min(b => b.Left);
        var last = (glyphs.Count > 0 ? glyphs : blobs).MaxBy(b => b.Right)!;
        Right = last.Right;
        EndsInFullHeightGlyph = last.Height >= Height * 0.75;
    }

    public IReadOnlyList<InkBlob> Blobs { get; }
    public double Height { get; }
    public double Intercept { get; }
    public double Slope { get; }
    public int Left { get; }
    public int Right { get; }

    /// <summary>Whether the line's last glyph stands full height (a check digit), not a short filler.</summary>
    public bool EndsInFullHeightGlyph { get; }
    public double Angle => Math.Atan(Slope);
    public double Span => Right - Left;
    public double CenterX => (Left + Right) / 2.0;

    public double YAt(double x) => Intercept + Slope * x;

    private static (double Intercept, double Slope) Fit(IReadOnlyList<InkBlob> blobs)
    {
        var meanX = blobs.Average(b => b.CenterX);
        var meanY = blobs.Average(b => b.CenterY);
        var sxx = blobs.Sum(b => (b.CenterX - meanX) * (b.CenterX - meanX));
        var sxy = blobs.Sum(b => (b.CenterX - meanX) * (b.CenterY - meanY));
        var slope = sxx < 1e-9 ? 0 : sxy / sxx;
        return (meanY - slope * meanX, slope);
    }
}
