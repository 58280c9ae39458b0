namespace Raytio.Clarity.Mrz.Finding;

/// <summary>
/// Finds machine-readable zones in a grayscale page from its pixels alone: ink by local
/// contrast, ink blobs linked into text lines, and the lines that an MRZ can be: long (a line
/// of 30 to 44 OCR-B characters spans some 30 to 47 character heights), stacked two or three
/// at one spacing, of one height, slope and start. Tolerant of rotation up to some 14 degrees
/// and of perspective; the caller turns the page for quarter turns.
/// </summary>
public static class MrzZoneFinder
{
    private const double MinimumSpanInHeights = 16;
    private const double MaximumSpanInHeights = 64;

    /// <summary>The zones found, the likeliest first: more lines, then longer ones, then lower on the page.</summary>
    public static IReadOnlyList<MrzZone> Find(GrayMap page)
    {
        var block = Math.Max(12, Math.Max(page.Width, page.Height) / 64);
        var traces = TextLineTracer.Trace(InkBlobs.Of(InkMask.From(page, block)), page.Height);
        var long_ = traces.Where(t => t.Span >= t.Height * MinimumSpanInHeights && t.Span <= t.Height * MaximumSpanInHeights)
            .OrderBy(t => t.YAt(page.Width / 2.0)).ToList();
        var zones = new List<MrzZone>();
        for (var bottom = 0; bottom < long_.Count; bottom++)
        {
            var stack = new List<TextLineTrace> { long_[bottom] };
            for (var above = bottom - 1; above >= 0 && stack.Count < 3; above--)
            {
                if (Stacks(long_[above], stack[0]))
                    stack.Insert(0, long_[above]);
            }
            zones.Add(new MrzZone(stack));
        }
        return zones
            .OrderByDescending(z => z.Lines.Count)
            .ThenByDescending(z => z.Lines.Min(l => l.Span / l.Height))
            .ThenByDescending(z => z.Lines[^1].YAt(page.Width / 2.0))
            .ToList();
    }

    /// <summary>Whether <paramref name="upper"/> is the zone line right above <paramref name="lower"/>.</summary>
    private static bool Stacks(TextLineTrace upper, TextLineTrace lower)
    {
        var height = Math.Max(upper.Height, lower.Height);
        if (Math.Min(upper.Height, lower.Height) < height * 0.75 || Math.Abs(upper.Angle - lower.Angle) > 0.06)
            return false;
        var x = lower.CenterX;
        var distance = (lower.YAt(x) - upper.YAt(x)) * Math.Cos(lower.Angle);
        if (distance < height * 1.2 || distance > height * 3.2)
            return false;
        var overlap = Math.Min(upper.Right, lower.Right) - Math.Max(upper.Left, lower.Left);
        return overlap >= Math.Min(upper.Span, lower.Span) * 0.7 && Math.Min(upper.Span, lower.Span) >= Math.Max(upper.Span, lower.Span) * 0.6;
    }
}
