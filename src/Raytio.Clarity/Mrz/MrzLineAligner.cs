namespace Raytio.Clarity.Mrz;

/// <summary>
/// Lays OCR'd words onto the fixed character cells of an MRZ line. OCR-B in a zone is printed
/// at one pitch, so a word's place in the line follows from its left edge, and the number of
/// characters it covers from its width: fillers OCR dropped or merged come back as fillers,
/// a gap between words becomes the fillers that were there.
/// </summary>
public static class MrzLineAligner
{
    /// <summary>The line of <paramref name="length"/> characters, its cells at <paramref name="pitch"/> pixels from <paramref name="left"/>.</summary>
    public static string Align(OcrTextLine line, double left, double pitch, int length)
    {
        var cells = new char[length];
        Array.Fill(cells, '\0');
        foreach (var word in line.Words)
        {
            var text = Clean(word.Text);
            if (text.Length == 0)
                continue;
            // A word spans (n - 1) pitches plus one glyph, about three quarters of a pitch wide.
            var covered = Math.Max(1, (int)Math.Round((word.Box.Width + 0.25 * pitch) / pitch));
            text = Fit(text, covered);
            var start = (int)Math.Round((word.Box.Left - left) / pitch);
            for (var i = 0; i < text.Length; i++)
            {
                var cell = start + i;
                if (cell >= 0 && cell < length && cells[cell] == '\0')
                    cells[cell] = text[i];
            }
        }
        for (var i = 0; i < length; i++)
        {
            if (cells[i] == '\0')
                cells[i] = '<';
        }
        return new string(cells);
    }

    /// <summary>
    /// The pitch of a zone whose widest line spans <paramref name="span"/> pixels: every line is
    /// <paramref name="length"/> cells, the last glyph three quarters of a cell wide.
    /// </summary>
    public static double Pitch(double span, int length) => span / (length - 0.25);

    /// <summary>Only MRZ characters; the chevron's look-alikes (« and the like) as fillers.</summary>
    public static string Clean(string text) =>
        new(text.ToUpperInvariant().Select(c => c is '«' or '‹' or '(' or '[' or '{' ? '<' : c).Where(c => MrzCheckDigit.ValueOf(c) >= 0).ToArray());

    /// <summary>A word read with more or fewer characters than its width holds: the difference is taken from or given to its longest filler run.</summary>
    private static string Fit(string text, int covered)
    {
        if (text.Length == covered)
            return text;
        var (start, length) = LongestFillerRun(text);
        if (length == 0)
            return text;
        var runLength = Math.Max(1, length + covered - text.Length);
        return string.Concat(text.AsSpan(0, start), new string('<', runLength), text.AsSpan(start + length));
    }

    private static (int Start, int Length) LongestFillerRun(string text)
    {
        var best = (Start: 0, Length: 0);
        for (var i = 0; i < text.Length;)
        {
            if (text[i] != '<')
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && text[i] == '<')
                i++;
            if (i - start > best.Length)
                best = (start, i - start);
        }
        return best;
    }
}
