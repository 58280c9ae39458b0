namespace Raytio.Clarity.Mrz;

/// <summary>
/// From several OCR readings of one zone, the most likely zone: each reading is laid onto the
/// cells of every layout its line count allows, and where its pixels came along its glyphs are
/// read cell by cell too (that reading counts twice in the vote, as it cannot lose a character);
/// the readings are also voted position by position, every candidate is repaired, and the one
/// whose check digits verify (then the one with most verified check digits, then the layout
/// nearest the lengths read) wins.
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
        int[] lengths = lineCount == 3 ? [30] : [36, 44];
        MrzReading? best = null;
        var bestScore = int.MinValue;
        foreach (var length in lengths)
        {
            var aligned = usable.Select(r => Align(r.Lines, length)).ToList();
            if (classifier is not null)
            {
                foreach (var reading in usable.Where(r => r.Pixels is not null))
                {
                    var glyphs = ReadGlyphs(reading, classifier, length);
                    aligned.Insert(0, glyphs);
                    aligned.Insert(0, glyphs);
                }
            }
            foreach (var lines in aligned.Prepend(Vote(aligned)))
            {
                if (MrzFormats.Of(lines) is not { } format || MrzRepair.Repair(format, lines, today) is not { } reading)
                    continue;
                var score = (reading.Valid ? 1000 : 0) + reading.Checks.Passed * 10 - Math.Abs(lengthRead - length);
                if (score > bestScore)
                    (best, bestScore) = (reading, score);
            }
        }
        return best;
    }

    private static string[] ReadGlyphs(ZoneReading reading, MrzGlyphClassifier classifier, int length)
    {
        var pitch = MrzLineAligner.Pitch(reading.Lines.Max(l => l.Box.Width), length);
        return reading.Lines.Select(l => classifier.ReadLine(reading.Pixels!, l.Box.Left, pitch, l.Box.Top, l.Box.Bottom, length)).ToArray();
    }

    private static string[] Align(IReadOnlyList<OcrTextLine> lines, int length)
    {
        var span = lines.Max(l => l.Box.Width);
        var pitch = MrzLineAligner.Pitch(span, length);
        return lines.Select(l => MrzLineAligner.Align(l, l.Box.Left, pitch, length)).ToArray();
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
