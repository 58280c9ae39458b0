namespace Raytio.Clarity.Mrz.Finding;

/// <summary>
/// The traced lines of a machine-readable zone, top to bottom, in page pixels. Its corners, a
/// margin around them, follow the top and bottom lines' own slopes, so a zone photographed at
/// an angle (perspective) is a quadrilateral, not a rotated rectangle.
/// </summary>
public sealed record MrzZone(IReadOnlyList<TextLineTrace> Lines)
{
    public double Height => Lines.Select(l => l.Height).Order().ElementAt(Lines.Count / 2);

    public double Angle => Lines.Average(l => l.Angle);

    /// <summary>The distance between neighbouring lines' middles; 1.8 heights for a zone of one line.</summary>
    public double Spacing => Lines.Count > 1
        ? (Lines[^1].YAt(Lines[^1].CenterX) - Lines[0].YAt(Lines[^1].CenterX)) * Math.Cos(Angle) / (Lines.Count - 1)
        : Height * 1.8;

    /// <summary>
    /// The corners top-left, top-right, bottom-right, bottom-left of the zone with
    /// <paramref name="side"/> pixels beyond its line ends and <paramref name="above"/> and
    /// <paramref name="below"/> pixels beyond its outer lines' middles.
    /// </summary>
    public (double X, double Y)[] Corners(double side, double above, double below)
    {
        var (cos, sin) = (Math.Cos(Angle), Math.Sin(Angle));
        // Every MRZ line starts at one margin and runs the same length, so the ends of the outer
        // lines are the zone's corners, in perspective too. Where they disagree, a speck of
        // pattern joined to one line is likelier than a lost glyph: the later start wins, and
        // the end of a line that ends in a full-height glyph (a check digit), else the earlier.
        var (top, bottom) = (Lines[0], Lines[^1]);
        var (topStart, topEnd) = (Along(top, top.Left, cos, sin), Along(top, top.Right, cos, sin));
        var (bottomStart, bottomEnd) = (Along(bottom, bottom.Left, cos, sin), Along(bottom, bottom.Right, cos, sin));
        var tolerance = Height * 0.6;
        if (Math.Abs(topStart - bottomStart) > tolerance)
            topStart = bottomStart = Math.Max(topStart, bottomStart);
        if (Math.Abs(topEnd - bottomEnd) > tolerance)
        {
            topEnd = bottomEnd = (top.EndsInFullHeightGlyph, bottom.EndsInFullHeightGlyph) switch
            {
                (true, false) => topEnd,
                (false, true) => bottomEnd,
                _ => Math.Min(topEnd, bottomEnd),
            };
        }
        return
        [
            Offset(At(top, topStart - side, cos, sin), -above, cos, sin),
            Offset(At(top, topEnd + side, cos, sin), -above, cos, sin),
            Offset(At(bottom, bottomEnd + side, cos, sin), below, cos, sin),
            Offset(At(bottom, bottomStart - side, cos, sin), below, cos, sin),
        ];
    }

    private static double Along(TextLineTrace line, double x, double cos, double sin) => x * cos + line.YAt(x) * sin;

    /// <summary>The point of the line whose distance along the zone is <paramref name="along"/>.</summary>
    private static (double X, double Y) At(TextLineTrace line, double along, double cos, double sin)
    {
        var x = (along - line.Intercept * sin) / (cos + line.Slope * sin);
        return (x, line.YAt(x));
    }

    private static (double X, double Y) Offset((double X, double Y) point, double distance, double cos, double sin) =>
        (point.X - distance * sin, point.Y + distance * cos);
}
