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
    /// The line's characters and how well the cells matched their glyphs on average: a zone
    /// upside down matches far worse (its chevrons point the wrong way, its letters are turned).
    /// </summary>
    public (string Text, double Score) ReadLineScored(GrayMap map, double left, double pitch, int top, int bottom, int length)
    {
        var threshold = InkThreshold(map, (int)left, top, (int)(left + pitch * length), bottom);
        // The traced line's box is tight: a little room for its tallest glyphs, little for a neighbour's ink.
        var margin = (bottom - top) / 5;
        var boxes = new (int Left, int Top, int Right, int Bottom)?[length];
        for (var i = 0; i < length; i++)
        {
            var x0 = (int)Math.Round(left - pitch * 0.12 + i * pitch);
            boxes[i] = map.InkBox(x0, top - margin, (int)Math.Round(x0 + pitch), bottom + margin, threshold);
        }
        var heights = boxes.Where(b => b is not null).Select(b => b!.Value.Bottom - b.Value.Top).Order().ToList();
        if (heights.Count == 0)
            return (new string('<', length), 0);
        // The tallest glyphs are the digits; the 90th percentile stands for a digit's height.
        var capital = heights[(int)(heights.Count * 0.9)];
        var capitalTop = boxes.Where(b => b is not null && b.Value.Bottom - b.Value.Top >= capital * 0.9).Select(b => b!.Value.Top).DefaultIfEmpty(top).Average();
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

    /// <summary>Halfway between the region's paper (its bright end) and its ink (its dark end).</summary>
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
        return (byte)((ink + paper) / 2);
    }
}
