namespace Raytio.Clarity.Mrz;

/// <summary>Which of the text lines Tesseract read in a zone's band are the zone's: the lowest stack of up to three long lines of like height.</summary>
public static class MrzLines
{
    private const int MinimumLineCharacters = 18;

    /// <summary>The lowest long line and the long lines stacked right above it, at most three; null when there is none.</summary>
    public static IReadOnlyList<OcrTextLine>? Stack(IReadOnlyList<OcrTextLine> lines)
    {
        var candidates = lines.Where(IsMrzLike).OrderByDescending(l => l.Box.CenterY).ToList();
        if (candidates.Count == 0)
            return null;
        var stack = new List<OcrTextLine> { candidates[0] };
        foreach (var line in candidates.Skip(1))
        {
            var below = stack[^1];
            var height = Math.Max(below.Box.Height, line.Box.Height);
            var alike = line.Box.Height < below.Box.Height * 1.8 && below.Box.Height < line.Box.Height * 1.8;
            var close = below.Box.CenterY - line.Box.CenterY < height * 2.6;
            if (!alike || !close || stack.Count == 3)
                break;
            stack.Add(line);
        }
        stack.Reverse();
        return stack;
    }

    private static bool IsMrzLike(OcrTextLine line)
    {
        var text = MrzLineAligner.Clean(line.Text);
        return text.Length >= MinimumLineCharacters && (text.Count(c => c == '<') >= 2 || text.Length >= 28);
    }
}
