using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Mrz;

/// <summary>The words Tesseract put on one text line, left to right, with the line's box.</summary>
public sealed record OcrTextLine(IReadOnlyList<OcrWord> Words)
{
    public PixelBox Box { get; } = Union(Words);

    /// <summary>The words' text run together: an MRZ line has no spaces, so a gap is OCR's, not the document's.</summary>
    public string Text { get; } = string.Concat(Words.Select(w => w.Text));

    /// <summary>Tesseract's lines in top-to-bottom order.</summary>
    public static IReadOnlyList<OcrTextLine> Group(IEnumerable<OcrWord> words) =>
        words.GroupBy(w => (w.Block, w.Paragraph, w.Line))
            .Select(g => new OcrTextLine(g.OrderBy(w => w.Box.Left).ToList()))
            .OrderBy(l => l.Box.CenterY)
            .ToList();

    private static PixelBox Union(IReadOnlyList<OcrWord> words)
    {
        var left = words.Min(w => w.Box.Left);
        var top = words.Min(w => w.Box.Top);
        return new PixelBox(left, top, words.Max(w => w.Box.Right) - left, words.Max(w => w.Box.Bottom) - top);
    }
}
