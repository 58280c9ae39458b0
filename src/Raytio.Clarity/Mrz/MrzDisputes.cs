namespace Raytio.Clarity.Mrz;

/// <summary>
/// When passing check digits do not vouch for a reading. A check digit catches one wrong
/// character but passes one field in ten of several wrong characters by chance, and the 7-3-1
/// scheme cannot see two characters whose values differ by a multiple of ten (0 and U, 1 and B,
/// 6 and G, K and the filler...) at all. So a reading whose readings split at a position a
/// check digit covers is not vouched for, however its check digits come out.
/// </summary>
public static class MrzDisputes
{
    /// <summary>
    /// Whether, at a position a check digit covers, the character chosen lacks a strict
    /// majority of the readings, or a character the check digit cannot tell from it was read at
    /// least half as often (one stray reading among several is outvoted; a split vote is a dispute).
    /// With <paramref name="glyphsFirst"/>, a split between K and the filler alone is no dispute
    /// when the chosen character is the first (glyph) reading's: the glyph's measured height tells
    /// the chevron from K, which Tesseract's English model reads a run of chevrons as.
    /// </summary>
    public static bool Disputed(MrzReading reading, IReadOnlyList<string[]> readings, bool glyphsFirst = false)
    {
        var comparable = readings.Where(r => r.Length == reading.Lines.Count && r.Select(l => l.Length).SequenceEqual(reading.Lines.Select(l => l.Length))).ToList();
        foreach (var (line, position) in Covered(reading.Format))
        {
            var chosen = reading.Lines[line][position];
            var votes = comparable.Select(r => r[line][position]).ToList();
            if (glyphsFirst && comparable.Count > 0 && comparable[0][line][position] == chosen && votes.All(c => c is 'K' or '<'))
                continue;
            var support = votes.Count(c => c == chosen);
            if (support * 2 <= votes.Count
                || votes.GroupBy(c => c).Any(g => g.Key != chosen && Indistinguishable(chosen, g.Key) && g.Count() * 2 >= support))
                return true;
        }
        return false;
    }

    /// <summary>Whether two MRZ characters weigh the same in every check digit.</summary>
    public static bool Indistinguishable(char a, char b)
    {
        var (va, vb) = (MrzCheckDigit.ValueOf(a), MrzCheckDigit.ValueOf(b));
        return va >= 0 && vb >= 0 && (va - vb) % 10 == 0;
    }

    /// <summary>The positions (line, index) some check digit covers.</summary>
    public static IReadOnlyList<(int Line, int Position)> Covered(MrzFormat format)
    {
        if (format == MrzFormat.TD1)
            return [.. Range(0, 5, 30), .. Range(1, 0, 7), .. Range(1, 8, 15), .. Range(1, 18, 30)];
        var length = format.LineLength();
        return [.. Range(1, 0, 10), .. Range(1, 13, 20), .. Range(1, 21, format.IsVisa() ? 28 : length)];
    }

    private static IEnumerable<(int, int)> Range(int line, int start, int end) => Enumerable.Range(start, end - start).Select(p => (line, p));
}
