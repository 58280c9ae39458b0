namespace Raytio.Clarity.Mrz.Finding;

/// <summary>
/// Links ink blobs into text lines: each blob to its nearest neighbour on the right of like
/// height and on the same slanted baseline (up to about 14 degrees), where each is the other's
/// nearest; then pieces of one line broken by a lost glyph (glare, a fold) are joined when
/// they lie on one straight line within a few characters of each other.
/// </summary>
public static class TextLineTracer
{
    private const double MaxSlope = 0.25;

    public static IReadOnlyList<TextLineTrace> Trace(IReadOnlyList<InkBlob> blobs, int pageHeight)
    {
        var glyphs = blobs.Where(b => b.Height >= 4 && b.Height <= pageHeight / 6 && b.Width <= b.Height * 15 && b.Density >= 0.08)
            .OrderBy(b => b.Left).ToList();
        var right = new int[glyphs.Count];
        var left = new int[glyphs.Count];
        Array.Fill(right, -1);
        Array.Fill(left, -1);
        var rightScore = new double[glyphs.Count];
        var leftScore = new double[glyphs.Count];
        Array.Fill(rightScore, double.MaxValue);
        Array.Fill(leftScore, double.MaxValue);
        for (var a = 0; a < glyphs.Count; a++)
        {
            for (var b = a + 1; b < glyphs.Count; b++)
            {
                var (ga, gb) = (glyphs[a], glyphs[b]);
                var tallest = Math.Max(ga.Height, gb.Height);
                if (gb.Left - ga.Right > tallest * 1.3)
                {
                    if (gb.Left - ga.Right > pageHeight / 6 * 1.3)
                        break;
                    continue;
                }
                if (Link(ga, gb) is not { } score)
                    continue;
                if (score < rightScore[a])
                    (right[a], rightScore[a]) = (b, score);
                if (score < leftScore[b])
                    (left[b], leftScore[b]) = (a, score);
            }
        }
        var pieces = new List<List<InkBlob>>();
        for (var start = 0; start < glyphs.Count; start++)
        {
            if (left[start] >= 0 && right[left[start]] == start)
                continue;
            var piece = new List<InkBlob> { glyphs[start] };
            for (var at = start; right[at] >= 0 && left[right[at]] == at; at = right[at])
                piece.Add(glyphs[right[at]]);
            if (piece.Count >= 3)
                pieces.Add(piece);
        }
        return Join(pieces.Select(p => new TextLineTrace(p)).ToList());
    }

    /// <summary>How well b continues a to the right (lower is better), or null when it does not.</summary>
    private static double? Link(InkBlob a, InkBlob b)
    {
        if (b.CenterX <= a.CenterX || b.Left < a.Right - Math.Min(a.Height, b.Height) * 0.3)
            return null;
        var (low, high) = (Math.Min(a.Height, b.Height), Math.Max(a.Height, b.Height));
        if (low < high * 0.4)
            return null;
        var dy = Math.Abs(b.CenterY - a.CenterY);
        if (dy > high * 0.35 + (b.CenterX - a.CenterX) * MaxSlope)
            return null;
        return Math.Max(0, b.Left - a.Right) + 2 * dy;
    }

    /// <summary>Pieces on one straight line, of like height, a few characters apart at most, made one.</summary>
    private static List<TextLineTrace> Join(List<TextLineTrace> traces)
    {
        var joined = true;
        while (joined)
        {
            joined = false;
            traces = traces.OrderBy(t => t.Left).ToList();
            for (var i = 0; i < traces.Count && !joined; i++)
            {
                for (var j = 0; j < traces.Count && !joined; j++)
                {
                    if (i == j || !Continues(traces[i], traces[j]))
                        continue;
                    var merged = new TextLineTrace(traces[i].Blobs.Concat(traces[j].Blobs).ToList());
                    traces[i] = merged;
                    traces.RemoveAt(j);
                    joined = true;
                }
            }
        }
        return traces;
    }

    private static bool Continues(TextLineTrace a, TextLineTrace b)
    {
        var height = Math.Max(a.Height, b.Height);
        if (Math.Min(a.Height, b.Height) < height * 0.7)
            return false;
        var gap = b.Left - a.Right;
        if (gap < -height * 0.5 || gap > height * 6)
            return false;
        // b's glyphs must lie on a's line carried on, and a's on b's when b is long enough to have a slope of its own.
        var first = b.Blobs.MinBy(x => x.Left)!;
        return Math.Abs(a.YAt(first.CenterX) - first.CenterY) <= height * 0.4
            && (b.Blobs.Count < 5 || Math.Abs(b.YAt(a.Right) - a.YAt(a.Right)) <= height * 0.4);
    }
}
