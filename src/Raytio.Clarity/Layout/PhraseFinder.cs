using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Layout;

/// <summary>
/// Finds a phrase of one or more words among OCR words: runs of neighbouring words on one line
/// whose letters and digits equal the phrase's, case-insensitively, but for one OCR error. Runs
/// one word longer or shorter than the phrase are tried too, since OCR splits and joins words.
/// </summary>
public static class PhraseFinder
{
    /// <summary>Each place the phrase is, as the box around the words that make it.</summary>
    public static List<PixelBox> Find(IReadOnlyList<List<OcrWord>> lines, string phrase)
    {
        var expected = TextMatch.Normalize(phrase);
        if (expected.Length == 0)
            return [];
        var wordCount = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var found = new List<PixelBox>();
        foreach (var line in lines)
        {
            for (var start = 0; start < line.Count; start++)
            {
                var read = "";
                for (var count = 1; count <= wordCount + 1 && start + count <= line.Count; count++)
                {
                    read += TextMatch.Normalize(line[start + count - 1].Text);
                    if (read.Length > expected.Length + 1)
                        break;
                    if (count >= wordCount - 1 && TextMatch.Matches(read, expected))
                    {
                        found.Add(Union(line.Skip(start).Take(count)));
                        break;
                    }
                }
            }
        }
        return found;
    }

    /// <summary>The words of a page in reading lines, for <see cref="Find"/>.</summary>
    public static List<List<OcrWord>> Lines(IEnumerable<OcrWord> words) =>
        ReadingOrder.Lines(words, w => (w.Box.Left, w.Box.CenterY, w.Box.Height));

    private static PixelBox Union(IEnumerable<OcrWord> words)
    {
        var boxes = words.Select(w => w.Box).ToList();
        var left = boxes.Min(b => b.Left);
        var top = boxes.Min(b => b.Top);
        return new PixelBox(left, top, boxes.Max(b => b.Right) - left, boxes.Max(b => b.Bottom) - top);
    }
}
