using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Mrz;

/// <summary>
/// From several readings of one zone, the most likely zone. Every layout the line counts allow
/// is tried: each OCR reading is laid onto the layout's cells (by the traced zone's left edge
/// and pitch when the lines were traced), the band's glyphs are read cell by cell on the traced
/// lines (that reading counts twice in the vote, as it cannot lose a character), every reading
/// is given the kinds its positions hold, then they are voted position by position; every
/// candidate is repaired, and the one whose check digits verify (then the one with most
/// verified check digits, then the layout nearest the lengths read) wins. Where two lines were
/// traced, the glyphs one line spacing above and below are read too, as a TD1 card whose other
/// line was lost. A winner whose readings disagreed, at a position a check digit covers,
/// between characters that check digit cannot tell apart is not reported valid.
/// </summary>
public static class MrzDecoder
{
    public static MrzReading? Decode(IReadOnlyList<IReadOnlyList<OcrTextLine>> readings, ZoneGlyphs? glyphs, MrzGlyphClassifier? classifier,
        DateOnly today)
    {
        var ocr = readings.Where(r => r.Count is 2 or 3).ToList();
        var traced = glyphs is not null && classifier is not null && glyphs.Lines.Count is 2 or 3 ? glyphs : null;
        var counts = ocr.Select(r => r.Count).Concat(traced is null ? [] : [traced.Lines.Count]).Distinct().ToList();
        var lengthRead = ocr.Count == 0 ? 0 : ocr.Max(r => r.Max(l => MrzLineAligner.Clean(l.Text).Length));
        var candidates = new List<Candidate>();
        var glyphFit = new Dictionary<int, double>();
        foreach (var count in counts)
        {
            foreach (var length in count == 3 ? [30] : new[] { 36, 44 })
            {
                var grid = traced?.Lines.Count == count ? Grid(traced, classifier!, length) : null;
                if (grid is not null)
                    glyphFit[length] = GlyphFit(grid);
                var aligned = ocr.Where(r => r.Count == count).Select(r => Align(r, grid, length)).ToList();
                if (grid is not null)
                {
                    var (ocrLines, read) = WithoutStrays(aligned, ReadGlyphs(traced!.Lines, grid, traced.Pixels, classifier!, length));
                    aligned = [read, read, .. ocrLines];
                }
                if (aligned.Count == 0 || MrzFormats.Of(Vote(aligned)) is not { } format)
                    continue;
                var kinds = MrzCharacterKinds.Of(format);
                var forced = aligned.Select(r => r.Select((line, i) => MrzRepair.ForceKinds(line, kinds[i])).ToArray()).ToList();
                var suspects = Disagreements(forced);
                var voted = MrzCountryCodes.Settle(Vote(forced, glyphsFirst: grid is not null), format, forced);
                candidates.AddRange(forced.Prepend(voted).Select(lines => new Candidate(lines, length, suspects, forced, GlyphsFirst: grid is not null)));
            }
        }
        if (traced?.Lines.Count == 2)
        {
            foreach (var lines in WithThirdLine(traced.Lines))
            {
                var read = ReadGlyphs(lines, Grid(traced with { Lines = lines }, classifier!, 30), traced.Pixels, classifier!, 30);
                candidates.Add(new Candidate(read, 30, new HashSet<(int, int)>(), [read], OnlyIfValid: true));
            }
        }
        MrzReading? best = null;
        Candidate? bestCandidate = null;
        var bestScore = int.MinValue;
        foreach (var candidate in candidates)
        {
            if (MrzFormats.Of(candidate.Lines) is not { } format || MrzRepair.Repair(format, candidate.Lines, today, candidate.Suspects) is not { } repaired
                || (candidate.OnlyIfValid && !repaired.Valid))
                continue;
            var score = (repaired.Valid ? 1000 : 0) + repaired.Checks.Passed * 10 - Math.Abs(lengthRead - candidate.Length);
            if (score > bestScore)
                (best, bestCandidate, bestScore) = (repaired, candidate, score);
        }
        return best is { Valid: true } && (MrzDisputes.Disputed(best, bestCandidate!.Readings, bestCandidate.GlyphsFirst) || LengthInDoubt(best.Format, glyphFit))
            ? best with { Valid = false }
            : best;
    }

    /// <summary>
    /// Whether a visa's line length is in doubt. The check digits of MRV-A (44) and MRV-B (36)
    /// cover the same first 28 characters of the second line, and names and optional data are
    /// under none, so a 36-character zone laid on 44 cells (fillers spread into its names)
    /// verifies all the same. The glyphs tell them apart: at the wrong pitch the cells straddle
    /// two glyphs and match worse than at the right one.
    /// </summary>
    internal static bool LengthInDoubt(MrzFormat format, IReadOnlyDictionary<int, double> glyphFit) =>
        format.IsVisa() && glyphFit.TryGetValue(format.LineLength(), out var own) && glyphFit.Values.Any(fit => fit > own);

    /// <summary>How well the traced lines' cells, on their registered grid, match OCR-B glyphs on average.</summary>
    internal static double GlyphFit((double Left, double Pitch, double Fit)[] grid) => grid.Average(line => line.Fit);

    /// <param name="OnlyIfValid">A guess (a line nobody traced) that may win only when every check digit verifies.</param>
    /// <param name="GlyphsFirst">The first reading is the glyph reading, which decides between K and the filler.</param>
    private sealed record Candidate(string[] Lines, int Length, IReadOnlySet<(int, int)> Suspects, IReadOnlyList<string[]> Readings,
        bool OnlyIfValid = false, bool GlyphsFirst = false);

    /// <summary>The two lines with a third of like box one line spacing above them, and one below.</summary>
    private static IEnumerable<IReadOnlyList<PixelBox>> WithThirdLine(IReadOnlyList<PixelBox> lines)
    {
        var spacing = lines[1].Top - lines[0].Top;
        yield return [lines[0] with { Top = lines[0].Top - spacing }, lines[0], lines[1]];
        yield return [lines[0], lines[1], lines[1] with { Top = lines[1].Top + spacing }];
    }

    /// <summary>Each traced line's cell grid (left edge, pitch, and how well its glyphs fit it) for lines of <paramref name="length"/>, registered on its glyphs.</summary>
    internal static (double Left, double Pitch, double Fit)[] Grid(ZoneGlyphs traced, MrzGlyphClassifier classifier, int length)
    {
        var pitch = MrzLineAligner.Pitch(traced.Lines.Max(l => l.Width), length);
        var left = traced.Lines.Min(l => l.Left);
        return traced.Lines.Select(l => classifier.Register(traced.Pixels, left, pitch, l.Top, l.Bottom, length)).ToArray();
    }

    private static string[] ReadGlyphs(IReadOnlyList<PixelBox> lines, (double Left, double Pitch, double Fit)[] grid, GrayMap pixels, MrzGlyphClassifier classifier,
        int length) =>
        lines.Select((l, i) => classifier.ReadLine(pixels, grid[i].Left, grid[i].Pitch, l.Top, l.Bottom, length)).ToArray();

    /// <summary>The OCR lines on the cells: the registered grid of the traced zone when there is one, else the lines' own left edge and the widest's pitch.</summary>
    private static string[] Align(IReadOnlyList<OcrTextLine> lines, (double Left, double Pitch, double Fit)[]? grid, int length)
    {
        var pitch = MrzLineAligner.Pitch(lines.Max(l => l.Box.Width), length);
        return lines.Select((l, i) => MrzLineAligner.Align(l, grid?[i].Left ?? l.Box.Left, grid?[i].Pitch ?? pitch, length)).ToArray();
    }

    /// <summary>
    /// Readings that strayed: line by line, an OCR line that agrees with the glyph reading at
    /// fewer than half its cells (Tesseract's English model turns long filler runs into K, S,
    /// E...) is replaced by the glyph line, unless no OCR line agrees with the glyph line that
    /// well while two agree with each other: then the glyph line strayed (a cell grid off its
    /// glyphs) and the OCR lines stand, the glyph line taking the first OCR line's place.
    /// </summary>
    private static (List<string[]> Ocr, string[] Glyphs) WithoutStrays(List<string[]> ocr, string[] glyphs)
    {
        static bool Agree(string a, string b) => a.Zip(b).Count(p => p.First == p.Second) * 2 >= a.Length;
        var fixedOcr = ocr.Select(r => (string[])r.Clone()).ToList();
        var fixedGlyphs = (string[])glyphs.Clone();
        for (var line = 0; line < glyphs.Length; line++)
        {
            var glyphStrayed = !ocr.Any(r => Agree(r[line], glyphs[line]))
                && ocr.Where((r, i) => ocr.Skip(i + 1).Any(o => Agree(o[line], r[line]))).Any();
            if (glyphStrayed)
            {
                fixedGlyphs[line] = ocr.First(r => ocr.Count(o => Agree(o[line], r[line])) >= 2)[line];
                continue;
            }
            foreach (var reading in fixedOcr.Where(r => !Agree(r[line], glyphs[line])))
                reading[line] = glyphs[line];
        }
        return (fixedOcr, fixedGlyphs);
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

    /// <summary>
    /// Each position's most frequent character among the readings; a tie goes to the filler,
    /// else to the later reading (an OCR one, better at letter shapes). Between K and the
    /// filler alone the glyph reading (the first, when there is one) decides: it measures the
    /// glyph's height, and the chevron stands little more than half as tall as K, while
    /// Tesseract's English model reads a run of chevrons as K's.
    /// </summary>
    private static string[] Vote(IReadOnlyList<string[]> readings, bool glyphsFirst = false)
    {
        var lines = new string[readings[0].Length];
        for (var line = 0; line < lines.Length; line++)
        {
            var chars = new char[readings[0][line].Length];
            for (var i = 0; i < chars.Length; i++)
            {
                var votes = readings.Select((r, order) => (Char: r[line][i], Order: order)).GroupBy(c => c.Char).ToList();
                chars[i] = glyphsFirst && votes.All(g => g.Key is 'K' or '<')
                    ? readings[0][line][i]
                    : votes.OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key == '<').ThenByDescending(g => g.Max(c => c.Order)).First().Key;
            }
            lines[line] = new string(chars);
        }
        return lines;
    }
}
