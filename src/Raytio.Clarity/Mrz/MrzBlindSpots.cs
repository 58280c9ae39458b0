namespace Raytio.Clarity.Mrz;

/// <summary>
/// What the 7-3-1 check digits cannot see: two characters whose values differ by a multiple of
/// ten (0 and U, 1 and B, 6 and G...) give the same check digit wherever they stand, so when
/// the readings of a zone disagree between such a pair at a checked position, a passing check
/// digit says nothing about which is right.
/// </summary>
public static class MrzBlindSpots
{
    /// <summary>
    /// Whether, at a position a check digit covers, the readings hold a character the check
    /// digit cannot tell from the one chosen at least half as often as the chosen one (one
    /// stray reading among several is outvoted; a split vote is a dispute).
    /// </summary>
    public static bool Disputed(MrzReading reading, IReadOnlyList<string[]> readings)
    {
        var comparable = readings.Where(r => r.Length == reading.Lines.Count && r.Select(l => l.Length).SequenceEqual(reading.Lines.Select(l => l.Length))).ToList();
        foreach (var (line, position) in Covered(reading.Format))
        {
            var chosen = reading.Lines[line][position];
            var votes = comparable.Select(r => r[line][position]).ToList();
            var support = votes.Count(c => c == chosen);
            if (votes.GroupBy(c => c).Any(g => g.Key != chosen && Indistinguishable(chosen, g.Key) && g.Count() * 2 >= support))
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
