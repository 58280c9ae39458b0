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
    /// Two splits are no dispute:
    /// - with <paramref name="glyphsFirst"/>, a filler that is the first (glyph) reading's, against
    ///   K's and at most one reading of any other letter: the glyph's measured height tells the
    ///   short chevron from a letter, and Tesseract's English model reads chevron runs as K's with
    ///   a stray C, S or E among them;
    /// - a check digit itself, when every character it covers is undisputed: it is then what those
    ///   characters compute, and a split over it is a misread of the check digit, not a doubt
    ///   about the data.
    /// </summary>
    public static bool Disputed(MrzReading reading, IReadOnlyList<string[]> readings, bool glyphsFirst = false)
    {
        var comparable = readings.Where(r => r.Length == reading.Lines.Count && r.Select(l => l.Length).SequenceEqual(reading.Lines.Select(l => l.Length))).ToList();
        var checkDigits = CheckDigits(reading.Format);
        foreach (var (line, position) in Covered(reading.Format))
        {
            var chosen = reading.Lines[line][position];
            var votes = comparable.Select(r => r[line][position]).ToList();
            if (glyphsFirst && comparable.Count > 0 && comparable[0][line][position] == chosen && ChevronRun(chosen, votes))
                continue;
            if (checkDigits.Contains((line, position)))
                continue;
            var support = votes.Count(c => c == chosen);
            if (support * 2 <= votes.Count
                || votes.GroupBy(c => c).Any(g => g.Key != chosen && Indistinguishable(chosen, g.Key) && g.Count() * 2 >= support))
                return true;
        }
        return false;
    }

    /// <summary>K and the filler alone, or the filler against K's and letters no two readings agree on.</summary>
    private static bool ChevronRun(char chosen, List<char> votes) =>
        votes.All(c => c is 'K' or '<')
        || (chosen == '<' && votes.Where(c => c is not ('K' or '<')).GroupBy(c => c).All(g => g.Count() == 1 && char.IsAsciiLetterUpper(g.Key) && !Indistinguishable('<', g.Key)));

    /// <summary>The positions (line, index) of the check digits, composite included.</summary>
    private static IReadOnlySet<(int Line, int Position)> CheckDigits(MrzFormat format)
    {
        if (format == MrzFormat.TD1)
            return new HashSet<(int, int)> { (0, 14), (1, 6), (1, 14), (1, 29) };
        var digits = new HashSet<(int, int)> { (1, 9), (1, 19), (1, 27) };
        if (format == MrzFormat.TD3)
            digits.Add((1, 42));
        if (!format.IsVisa())
            digits.Add((1, format.LineLength() - 1));
        return digits;
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
