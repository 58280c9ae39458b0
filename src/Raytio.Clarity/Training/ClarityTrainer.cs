using ImageMagick;
using Raytio.Clarity.Extraction;
using Raytio.Clarity.Layout;
using Raytio.Clarity.Models;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Preparation;

namespace Raytio.Clarity.Training;

/// <summary>
/// Trains a model from one image: the page is prepared as extraction prepares it (so the frame
/// is the upright one), anchors are found in its words (the caller's OCR words, mapped onto the
/// prepared page, or a fresh OCR run), and each marked component becomes a box in the frame; the
/// formats given for text components become the model's text_component_formats.
/// </summary>
public sealed class ClarityTrainer(TesseractEngine engine)
{
    /// <param name="ocr">Words read from <paramref name="image"/> in its own pixels, or null to read them now.</param>
    /// <exception cref="AnchorsNotFoundException">An anchor's text is not in the image.</exception>
    /// <exception cref="OcrUnavailableException">OCR was needed and could not run.</exception>
    public async Task<TrainedGeometry> TrainAsync(MagickImage image, IReadOnlyList<OcrWord>? ocr, string anchorA, string anchorC,
        IReadOnlyList<TrainingComponent> components, CancellationToken cancellationToken)
    {
        var page = PagePreparer.Prepare(image);
        var transform = page.Transform;
        var words = ocr is null
            ? await engine.ReadWordsAsync(page.Gray, ClarityExtractor.OcrOptions, cancellationToken)
            : ocr.Select(w => w with { Box = MapBox(transform, w.Box.Left, w.Box.Top, w.Box.Right, w.Box.Bottom) }).ToList();
        var lines = PhraseFinder.Lines(words);
        var a = PhraseFinder.Find(lines, anchorA).OrderBy(b => b.Left + b.Top).FirstOrDefault();
        if (a == default)
            throw new AnchorsNotFoundException($"Anchor A '{anchorA}' is not in the image.");
        var c = PhraseFinder.Find(lines, anchorC).Where(b => b != a).OrderByDescending(b => b.Right + b.Bottom).FirstOrDefault();
        if (c == default)
            throw new AnchorsNotFoundException($"Anchor C '{anchorC}' is not in the image.");
        var unit = (double)a.Width;
        FrameBox ToFrame(TrainingComponent component)
        {
            var box = MapBox(transform, component.X1, component.Y1, component.X2, component.Y2);
            return new FrameBox((box.Left - a.Left) / unit, (box.Top - a.Top) / unit, (box.Right - a.Left) / unit, (box.Bottom - a.Top) / unit);
        }
        Dictionary<string, FrameBox> Boxes(ComponentType type) =>
            components.Where(k => k.Type == type).ToDictionary(k => k.Name, ToFrame, StringComparer.Ordinal);
        var tables = components.Where(k => k.Type == ComponentType.Table).ToDictionary(
            k => k.Name,
            k => new TableComponent(ToFrame(k), k.Cols ?? [1.0], k.Rows ?? [1.0]),
            StringComparer.Ordinal);
        var scale = transform.Scale;
        var norm = new ModelNorm(
            (int)Math.Round(unit / scale), (int)Math.Round((c.Right - a.Left) / scale), (int)Math.Round((c.Bottom - a.Top) / scale));
        var formats = components.Where(k => k.Type == ComponentType.Text && k.Format is not null)
            .ToDictionary(k => k.Name, k => k.Format!, StringComparer.Ordinal);
        return new TrainedGeometry(anchorA, anchorC, norm, page.SkewDegrees,
            Boxes(ComponentType.Text), Boxes(ComponentType.Image), tables, Boxes(ComponentType.Mrz), formats);
    }

    /// <summary>
    /// A box of the upload on the prepared page: its centre is mapped exactly and its sides are
    /// scaled, so the box keeps its size rather than growing to hold its turned corners.
    /// </summary>
    private static PixelBox MapBox(PageTransform transform, double x1, double y1, double x2, double y2)
    {
        var (cx, cy) = transform.Map((x1 + x2) / 2, (y1 + y2) / 2);
        var width = (x2 - x1) * transform.Scale;
        var height = (y2 - y1) * transform.Scale;
        return new PixelBox((int)Math.Round(cx - width / 2), (int)Math.Round(cy - height / 2), (int)Math.Round(width), (int)Math.Round(height));
    }
}
