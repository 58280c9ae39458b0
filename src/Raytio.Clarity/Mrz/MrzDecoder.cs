namespace Raytio.Clarity.Mrz;

/// <summary>
/// From several OCR readings of one zone, the most likely zone: each reading is laid onto the
/// cells of every layout its line count allows, and where its pixels came along its glyphs are
/// read cell by cell too (that reading counts twice in the vote, as it cannot lose a character);
/// the readings are also voted position by position, every candidate is repaired, and the one
/// whose check digits verify (then the one with most verified check digits, then the layout
/// nearest the lengths read) wins. Where only two lines were found, the glyphs of a third line
/// one line spacing above or below are read too, as a TD1 card whose other line OCR missed.
/// </summary>
public static class MrzDecoder
{
    public static MrzReading? Decode(IReadOnlyList<ZoneReading> readings, MrzGlyphClassifier? classifier, DateOnly today)
    {
        var usable = readings.Where(r => r.Lines.Count is 2 or 3).ToList();
        if (usable.Count == 0)
            return null;
        var lineCount = usable.GroupBy(r => r.Lines.Count).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        usable = usable.Where(r => r.Lines.Count == lineCount).ToList();
        var lengthRead = usable.Max(r => r.Lines.Max(l => MrzLineAligner.Clean(l.Text).Length));
        var candidates = new List<(string[] Lines, int Length, IReadOnlySet<(int, int)> Suspects)>();
        foreach (var length in lineCount == 3 ? [30] : new[] { 36, 44 })
        {
            var aligned = usable.Select(r => Align(r.Lines, length)).ToList();
            foreach (var reading in usable.Where(r => r.Pixels is not null && classifier is not null))
            {
                var glyphs = ReadGlyphs(reading.Lines, reading.Pixels!, classifier!, length);
                aligned.Insert(0, glyphs);
                aligned.Insert(0, glyphs);
            }
            IReadOnlySet<(int, int)> suspects = Disagreements(aligned);
            candidates.AddRange(aligned.Prepend(Vote(aligned)).Select(lines => (lines, length, suspects)));
        }
        if (lineCount == 2 && classifier is not null)
        {
            foreach (var reading in usable.Where(r => r.Pixels is not null))
            {
                foreach (var lines in WithThirdLine(reading.Lines))
                    candidates.Add((ReadGlyphs(lines, reading.Pixels!, classifier, 30), 30, new HashSet<(int, int)>()));
            }
        }
        MrzReading? best = null;
        var bestScore = int.MinValue;
        foreach (var (lines, length, suspects) in candidates)
        {
            if (MrzFormats.Of(lines) is not { } format || MrzRepair.Repair(format, lines, today, suspects) is not { } repaired)
                continue;
            var score = (repaired.Valid ? 1000 : 0) + repaired.Checks.Passed * 10 - Math.Abs(lengthRead - length);
            if (score > bestScore)
                (best, bestScore) = (repaired, score);
        }
        return best;
    }

    /// <summary>The two lines with a third of like box one line spacing above them, and one below.</summary>
    private static IEnumerable<IReadOnlyList<OcrTextLine>> WithThirdLine(IReadOnlyList<OcrTextLine> lines)
    {
        var spacing = lines[1].Box.Top - lines[0].Box.Top;
        var box = new Ocr.PixelBox(lines.Min(l => l.Box.Left), 0, lines.Max(l => l.Box.Width), lines.Max(l => l.Box.Height));
        OcrTextLine Shifted(int top) => new([new Ocr.OcrWord("", box with { Top = top }, 0, 0, 0, 0)]);
        yield return [Shifted(lines[0].Box.Top - spacing), lines[0], lines[1]];
        yield return [lines[0], lines[1], Shifted(lines[1].Box.Top + spacing)];
    }

    private static string[] ReadGlyphs(IReadOnlyList<OcrTextLine> lines, GrayMap pixels, MrzGlyphClassifier classifier, int length)
    {
        var pitch = MrzLineAligner.Pitch(lines.Max(l => l.Box.Width), length);
        var left = lines.Min(l => l.Box.Left);
        return lines.Select(l => classifier.ReadLine(pixels, left, pitch, l.Box.Top, l.Box.Bottom, length)).ToArray();
    }

    private static string[] Align(IReadOnlyList<OcrTextLine> lines, int length)
    {
        var span = lines.Max(l => l.Box.Width);
        var pitch = MrzLineAligner.Pitch(span, length);
        return lines.Select(l => MrzLineAligner.Align(l, l.Box.Left, pitch, length)).ToArray();
    }

    /// <summary>The positions where the readings do not all agree: the only ones a check digit may correct.</summary>
    private static HashSet<(int, int)> Disagreements(IReadOnlyList<string[]> readings)
    {
        var positions = new HashSet<(int, int)>();
        for (var line = 0; line < readings[0].Length; line++)
        {
            for (var i = 0; i < readings[0][line].Length; i++)
            {
                if (readings.Any(r => r[line][i] != readings[0][line][i]))
                    positions.Add((line, i));
            }
        }
        return positions;
    }

    /// <summary>Each position's most frequent character among the readings; the first reading breaks ties.</summary>
    private static string[] Vote(IReadOnlyList<string[]> readings)
    {
        var lines = new string[readings[0].Length];
        for (var line = 0; line < lines.Length; line++)
        {
            var chars = new char[readings[0][line].Length];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = readings.Select(r => r[line][i]).GroupBy(c => c)
                    .OrderByDescending(g => g.Count()).First().Key;
            }
            lines[line] = new string(chars);
        }
        return lines;
    }
}
