using ImageMagick;
using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Mrz;

/// <summary>
/// Finds the text lines of a machine-readable zone in an upright, deskewed grayscale page: a
/// quick OCR pass restricted to MRZ characters over the lower part of the page, then over the
/// whole of it, looking for the lowest stack of two or three long lines of like height.
/// </summary>
public sealed class MrzLocator(TesseractEngine engine)
{
    private const int MinimumLineCharacters = 18;
    private static readonly TesseractOptions Options = new(PageSegmentation: 3, CharacterWhitelist: MrzReader.Alphabet);

    /// <summary>The zone's lines in page coordinates, top to bottom, or null when the page shows none.</summary>
    public async Task<IReadOnlyList<OcrTextLine>?> LocateAsync(MagickImage page, CancellationToken cancellationToken)
    {
        var lowerTop = (int)(page.Height * 0.45);
        using (var lower = (MagickImage)page.CloneArea(0, lowerTop, page.Width, page.Height - (uint)lowerTop))
        {
            if (await FindAsync(lower, lowerTop, cancellationToken) is { } found)
                return found;
        }
        return await FindAsync(page, 0, cancellationToken);
    }

    private async Task<IReadOnlyList<OcrTextLine>?> FindAsync(MagickImage image, int top, CancellationToken cancellationToken)
    {
        image.Format = MagickFormat.Png;
        var words = await engine.ReadWordsAsync(image.ToByteArray(), Options, cancellationToken);
        var shifted = words.Select(w => w with { Box = w.Box with { Top = w.Box.Top + top } });
        return Stack(OcrTextLine.Group(shifted));
    }

    /// <summary>The lowest long line and the long lines stacked right above it, at most three.</summary>
    public static IReadOnlyList<OcrTextLine>? Stack(IReadOnlyList<OcrTextLine> lines)
    {
        var candidates = lines.Where(IsMrzLike).OrderByDescending(l => l.Box.CenterY).ToList();
        if (candidates.Count == 0)
            return null;
        var stack = new List<OcrTextLine> { candidates[0] };
        foreach (var line in candidates.Skip(1))
        {
            var below = stack[^1];
            var height = Math.Max(below.Box.Height, line.Box.Height);
            var alike = line.Box.Height < below.Box.Height * 1.8 && below.Box.Height < line.Box.Height * 1.8;
            var close = below.Box.CenterY - line.Box.CenterY < height * 2.6;
            if (!alike || !close || stack.Count == 3)
                break;
            stack.Add(line);
        }
        stack.Reverse();
        return stack;
    }

    private static bool IsMrzLike(OcrTextLine line)
    {
        var text = MrzLineAligner.Clean(line.Text);
        return text.Length >= MinimumLineCharacters && (text.Count(c => c == '<') >= 2 || text.Length >= 28);
    }
}
