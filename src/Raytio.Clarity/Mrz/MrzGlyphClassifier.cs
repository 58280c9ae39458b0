namespace Raytio.Clarity.Mrz;

/// <summary>
/// Reads a zone line cell by cell against the OCR-B glyphs: each cell's ink is boxed, reduced
/// to the glyph grid and correlated with every glyph, its height, place and width against the
/// line's digits telling the short filler chevron from K, and O from the taller 0. Independent of Tesseract's
/// word splitting, it cannot drop or add a character.
/// </summary>
public sealed class MrzGlyphClassifier(OcrBGlyphs glyphs)
{
    /// <summary>The line's characters, the first cell starting at <paramref name="left"/>, each <paramref name="pitch"/> wide, between <paramref name="top"/> and <paramref name="bottom"/>.</summary>
    public string ReadLine(GrayMap map, double left, double pitch, int top, int bottom, int length) =>
        ReadLineScored(map, left, pitch, top, bottom, length).Text;

    /// <summary>
    /// The cell grid that fits the line's glyphs best, searched around the traced one: the
    /// first cell's left edge within a quarter pitch either way, then the pitch within 1%. A
    /// line's traced ends are off by part of a glyph under blur or glare; the glyphs say where
    /// the cells are. Not further: a grid a whole cell off fits text almost as well. Answers the
    /// grid with its fit (the line's mean glyph score on it).
    /// </summary>
    public (double Left, double Pitch, double Fit) Register(GrayMap map, double left, double pitch, int top, int bottom, int length)
    {
        double Fit(double l, double p) => ReadLineScored(map, l, p, top, bottom, length).Score;
        var best = (Left: left, Pitch: pitch, Fit: Fit(left, pitch));
        for (var shift = -0.25; shift <= 0.25; shift += 0.0625)
        {
            if (shift != 0 && Fit(left + shift * pitch, pitch) is var score && score > best.Fit)
                best = (left + shift * pitch, pitch, score);
        }
        var coarse = best;
        foreach (var scale in (double[])[0.99, 0.995, 1, 1.005, 1.01])
        {
            foreach (var shift in (double[])[-0.1, 0, 0.1])
            {
                var (l, p) = (coarse.Left + shift * pitch, pitch * scale);
                if (Fit(l, p) is var score && score > best.Fit)
                    best = (l, p, score);
            }
        }
        return best;
    }

    /// <summary>
    /// The line's characters and how well the cells matched their glyphs on average: a zone
    /// upside down matches far worse (its chevrons point the wrong way, its letters are turned).
    /// </summary>
    public (string Text, double Score) ReadLineScored(GrayMap map, double left, double pitch, int top, int bottom, int length)
    {
        var threshold = InkThreshold(map, (int)left, top, (int)(left + pitch * length), bottom);
        // The traced line's box is tight: a little room for its tallest glyphs, little for a neighbour's ink.
        var margin = (bottom - top) / 10;
        var boxes = new (int Left, int Top, int Right, int Bottom)?[length];
        for (var i = 0; i < length; i++)
        {
            var x0 = (int)Math.Round(left - pitch * 0.12 + i * pitch);
            boxes[i] = map.InkBox(x0, top - margin, (int)Math.Round(x0 + pitch), bottom + margin, threshold);
        }
        if (boxes.All(b => b is null))
            return (new string('<', length), 0);
        // A full-height glyph's height and top: the median over the cells whose ink stands about
        // as tall as the traced line; fillers stand shorter, and a guilloche crossing a cell
        // makes its ink taller.
        var full = boxes.OfType<(int Left, int Top, int Right, int Bottom)>()
            .Where(b => b.Bottom - b.Top >= (bottom - top) * 0.8 && b.Bottom - b.Top <= (bottom - top) * 1.2).ToList();
        var capital = full.Count > 0 ? full.Select(b => b.Bottom - b.Top).Order().ElementAt(full.Count / 2) : bottom - top;
        var capitalTop = full.Count > 0 ? full.Select(b => b.Top).Order().ElementAt(full.Count / 2) : top;
        var chars = new char[length];
        var total = 0.0;
        for (var i = 0; i < length; i++)
        {
            var (character, score) = boxes[i] is { } box ? Classify(map, box, capital, capitalTop) : ('<', 0);
            (chars[i], total) = (character, total + score);
        }
        return (new string(chars), total / length);
    }

    private (char Character, double Score) Classify(GrayMap map, (int Left, int Top, int Right, int Bottom) box, double capital, double capitalTop)
    {
        var shape = OcrBGlyphs.Normalised(map.Grid(box.Left, box.Top, box.Right, box.Bottom, OcrBGlyphs.Columns, OcrBGlyphs.Rows));
        var height = (box.Bottom - box.Top) / capital;
        var place = (box.Top - capitalTop) / capital;
        var width = (box.Right - box.Left) / capital;
        var best = '<';
        var bestScore = double.MinValue;
        foreach (var glyph in glyphs.All)
        {
            var correlation = 0.0;
            for (var k = 0; k < shape.Length; k++)
                correlation += shape[k] * glyph.Shape[k];
            var score = correlation - 1.5 * Math.Abs(height - glyph.RelativeHeight) - 1.0 * Math.Abs(place - glyph.RelativeTop)
                - 1.0 * Math.Abs(width - glyph.RelativeWidth);
            if (score > bestScore)
                (best, bestScore) = (glyph.Character, score);
        }
        return (best, bestScore);
    }

    /// <summary>Two fifths of the way from the region's ink (its dark end) to its paper (its bright end).</summary>
    private static byte InkThreshold(GrayMap map, int left, int top, int right, int bottom)
    {
        var values = new List<byte>();
        for (var y = Math.Max(0, top); y < Math.Min(map.Height, bottom); y += 2)
        {
            for (var x = Math.Max(0, left); x < Math.Min(map.Width, right); x += 2)
                values.Add(map[x, y]);
        }
        if (values.Count == 0)
            return 128;
        values.Sort();
        var ink = values[(int)(values.Count * 0.05)];
        var paper = values[(int)(values.Count * 0.9)];
        // Nearer the ink than the paper: a lighter guilloche crossing the glyphs stays paper.
        return (byte)(ink + (paper - ink) * 2 / 5);
    }
}
