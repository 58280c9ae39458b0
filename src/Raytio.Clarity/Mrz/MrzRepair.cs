namespace Raytio.Clarity.Mrz;

/// <summary>
/// Turns OCR'd lines of a known format into the most likely zone. First each position is given
/// its kind (a letter in a date becomes the digit of like shape, a chevron read as K among
/// fillers becomes a filler). Then, only for a field whose check digit fails, the other
/// readings of its ambiguous characters are tried, and only at the suspect positions (where the
/// OCR readings disagreed): a correction is kept only when it makes the check digits verify and
/// no other correction does. Anything else stays invalid. A check digit catches one wrong
/// character, but it cannot tell which; trying every position would let a chance match "fix" a
/// field whose real error lies elsewhere.
/// </summary>
public static class MrzRepair
{
    private const int MaxChangesPerField = 2;

    /// <param name="suspects">The positions (line, index) where readings disagreed; none, no search.</param>
    public static MrzReading? Repair(MrzFormat format, IReadOnlyList<string> lines, DateOnly today,
        IReadOnlySet<(int Line, int Position)>? suspects = null)
    {
        var kinds = MrzCharacterKinds.Of(format);
        var forced = lines.Select((line, i) => ForceKinds(line, kinds[i])).ToArray();
        if (MrzParser.Parse(forced, today) is not { } reading)
            return null;
        if (reading.Valid)
            return reading;
        foreach (var field in SearchableFields(format, reading.Checks))
        {
            var suspected = new Field(field.Positions.Where(p => suspects?.Contains(p) == true).ToList());
            if (suspected.Positions.Count > 0 && SearchField(forced, suspected, today) is { } corrected)
            {
                forced = [.. corrected.Lines];
                reading = corrected;
            }
        }
        return reading;
    }

    /// <summary>Each character made to fit the kind its position holds, where OCR-B shapes make the intent plain.</summary>
    public static string ForceKinds(string line, MrzCharacterKind[] kinds)
    {
        var chars = line.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = kinds[i] switch
            {
                MrzCharacterKind.Digit => MrzConfusions.AsDigit(chars[i]),
                MrzCharacterKind.DigitOrFiller => chars[i] == 'K' ? '<' : MrzConfusions.AsDigit(chars[i]),
                MrzCharacterKind.Letter or MrzCharacterKind.Name => MrzConfusions.AsLetter(chars[i]),
                MrzCharacterKind.Sex => chars[i] switch
                {
                    'N' or 'H' => 'M',
                    'E' or 'P' => 'F',
                    'K' => '<',
                    _ => chars[i],
                },
                _ => chars[i],
            };
        }
        FillerRuns(chars, kinds);
        EndAtThreeFillers(chars, kinds, MrzCharacterKind.Name);
        EndAtThreeFillers(chars, kinds, MrzCharacterKind.Unchecked);
        return new string(chars);
    }

    /// <summary>
    /// In a field no check digit covers (names, a visa's optional data), three fillers in a row
    /// end the data: ICAO 9303 separates name parts by one filler and surname from given names
    /// by two, and pads the rest. What follows is a filler run misread (Tesseract's English model
    /// turns long runs into K, S, E...), and it becomes fillers.
    /// </summary>
    private static void EndAtThreeFillers(char[] chars, MrzCharacterKind[] kinds, MrzCharacterKind kind)
    {
        var run = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (kinds[i] != kind)
            {
                run = 0;
                continue;
            }
            if (run >= 3)
                chars[i] = '<';
            else
                run = chars[i] == '<' ? run + 1 : 0;
        }
    }

    /// <summary>
    /// In a name field, K's inside a run of fillers are chevrons misread: a run of K's and fillers
    /// holding at least two fillers, or reaching the end of the line, becomes fillers, except a K
    /// that ends a name (a letter before it) or begins one (a letter after it).
    /// </summary>
    private static void FillerRuns(char[] chars, MrzCharacterKind[] kinds)
    {
        var i = 0;
        while (i < chars.Length)
        {
            if (kinds[i] != MrzCharacterKind.Name || chars[i] is not ('K' or '<'))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < chars.Length && kinds[i] == MrzCharacterKind.Name && chars[i] is 'K' or '<')
                i++;
            var fillers = 0;
            for (var j = start; j < i; j++)
                fillers += chars[j] == '<' ? 1 : 0;
            if (fillers < 2 && i < chars.Length)
                continue;
            // A K that ends a name (a letter before it) or begins one (a letter after it) is a letter.
            var first = start > 0 && char.IsAsciiLetterUpper(chars[start - 1]) && kinds[start - 1] == MrzCharacterKind.Name ? start + 1 : start;
            var last = i < chars.Length && char.IsAsciiLetterUpper(chars[i]) && kinds[i] == MrzCharacterKind.Name ? i - 1 : i;
            for (var j = first; j < last; j++)
                chars[j] = '<';
        }
    }

    private sealed record Field(IReadOnlyList<(int Line, int Position)> Positions);

    /// <summary>The fields whose failing check digit allows a search, with the positions that may be changed.</summary>
    private static IEnumerable<Field> SearchableFields(MrzFormat format, MrzChecks checks)
    {
        if (format == MrzFormat.TD1)
        {
            if (!checks.DocumentNumber)
                yield return new Field(Range(0, 5, 14).Concat(Range(0, 15, 30)).ToList());
            else if (checks.Composite == false)
                yield return new Field(Range(0, 15, 30).Concat(Range(1, 18, 29)).ToList());
            yield break;
        }
        var optionalEnd = format switch
        {
            MrzFormat.TD3 => 42,
            MrzFormat.TD2 => 35,
            _ => format.LineLength(),
        };
        if (!checks.DocumentNumber)
            yield return new Field(Range(1, 0, 9).Concat(format == MrzFormat.TD2 ? Range(1, 28, 35) : []).ToList());
        if (format == MrzFormat.TD3 && !checks.OptionalData)
            yield return new Field(Range(1, 28, 42).ToList());
        else if (checks.DocumentNumber && checks.Composite == false && !format.IsVisa())
            yield return new Field(Range(1, 28, optionalEnd).ToList());
    }

    private static IEnumerable<(int, int)> Range(int line, int start, int end) => Enumerable.Range(start, end - start).Select(p => (line, p));

    /// <summary>The single reading, within two changes of ambiguous characters, whose check digits all verify; null when none or several do.</summary>
    private static MrzReading? SearchField(string[] lines, Field field, DateOnly today)
    {
        var kinds = MrzCharacterKinds.Of(MrzFormats.Of(lines)!.Value);
        var options = field.Positions
            .Select(p => (p.Line, p.Position, Alternatives: MrzConfusions.Alternatives(lines[p.Line][p.Position])
                .Where(c => kinds[p.Line][p.Position].Allows(c)).ToArray()))
            .Where(o => o.Alternatives.Length > 0)
            .ToArray();
        MrzReading? found = null;
        for (var changes = 1; changes <= MaxChangesPerField && found is null; changes++)
        {
            foreach (var candidate in Combinations(lines, options, changes))
            {
                if (MrzParser.Parse(candidate, today) is not { Valid: true } reading)
                    continue;
                if (found is not null && !found.Lines.SequenceEqual(reading.Lines))
                    return null;
                found = reading;
            }
        }
        return found;
    }

    private static IEnumerable<string[]> Combinations(string[] lines, (int Line, int Position, char[] Alternatives)[] options, int changes)
    {
        if (changes == 1)
        {
            foreach (var option in options)
            {
                foreach (var alternative in option.Alternatives)
                    yield return With(lines, (option.Line, option.Position, alternative));
            }
            yield break;
        }
        for (var a = 0; a < options.Length; a++)
        {
            for (var b = a + 1; b < options.Length; b++)
            {
                foreach (var first in options[a].Alternatives)
                {
                    foreach (var second in options[b].Alternatives)
                        yield return With(lines, (options[a].Line, options[a].Position, first), (options[b].Line, options[b].Position, second));
                }
            }
        }
    }

    private static string[] With(string[] lines, params (int Line, int Position, char Value)[] changes)
    {
        var copy = lines.Select(l => l.ToCharArray()).ToArray();
        foreach (var (line, position, value) in changes)
            copy[line][position] = value;
        return copy.Select(c => new string(c)).ToArray();
    }
}
