using ImageMagick;
using Raytio.Clarity.Layout;
using Raytio.Clarity.Models;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Preparation;

namespace Raytio.Clarity.Extraction;

/// <summary>
/// Extraction with a Clarity model: prepare the page (working size, deskew), read its words with
/// one Tesseract run, place the model's frame from the anchors, then read each component inside
/// its box. One OCR run per image keeps extraction within a little of the raw command's time; a
/// model with a machine-readable zone also has the zone read by <see cref="MrzReader"/>, which
/// finds, straightens and checks it on its own.
/// </summary>
public sealed class ClarityExtractor(TesseractEngine engine, MrzReader mrzReader)
{
    /// <summary>
    /// One uniform block: on a straightened card this reads labels and values more completely
    /// than automatic or sparse-text segmentation, which drop short, large or corner words next
    /// to pictures and borders.
    /// </summary>
    public static readonly TesseractOptions OcrOptions = new(PageSegmentation: 6, CharacterWhitelist: DocumentCharacters);

    /// <summary>
    /// The characters identity documents print (Latin letters, digits, the punctuation of dates,
    /// numbers and names, the MRZ filler, and the space, without which Tesseract's recogniser
    /// joins words). Leaving out symbols such as the euro sign and dashes stops Tesseract from
    /// reading a letter as one of them.
    /// </summary>
    private const string DocumentCharacters =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-.,'< ";

    private const int JpegQuality = 85;

    /// <summary>Below this the crop is left as read: turning it would only blur it.</summary>
    private const double MinCropTurnDegrees = 0.5;

    /// <exception cref="AnchorsNotFoundException">The model's anchors are not in the image.</exception>
    /// <exception cref="OcrUnavailableException">The OCR command could not run.</exception>
    /// <param name="today">The day two-digit years in a machine-readable zone are read against.</param>
    public async Task<ClarityExtraction> ExtractAsync(ClarityModel model, MagickImage image, DateOnly today, CancellationToken cancellationToken)
    {
        using var page = PagePreparer.Prepare(image);
        var lines = PhraseFinder.Lines(await ReadAsync(page, cancellationToken));
        var located = FrameLocator.Locate(model, lines)
            ?? throw new AnchorsNotFoundException($"The image does not show the anchors '{model.AnchorA}' and '{model.AnchorC}' of model '{model.Name}'.");
        return await ReadAsync(model, located.Frame, lines, page, image, today, cancellationToken);
    }

    /// <summary>
    /// Chooses, among <paramref name="models"/> in force on <paramref name="day"/>, the one whose
    /// anchors and refiner the image shows (a model with a refiner that matches beats one without;
    /// then the better anchor fit), and extracts with it. The image is read once for all models.
    /// </summary>
    /// <exception cref="AnchorsNotFoundException">No model fits the image.</exception>
    public async Task<(ClarityModel Model, ClarityExtraction Extraction)> ExtractBestAsync(
        IReadOnlyList<ClarityModel> models, MagickImage image, DateOnly day, CancellationToken cancellationToken)
    {
        using var page = PagePreparer.Prepare(image);
        var lines = PhraseFinder.Lines(await ReadAsync(page, cancellationToken));
        var best = models
            .Where(m => m.IsValidOn(day))
            .Select(m => (Model: m, Located: FrameLocator.Locate(m, lines)))
            .Where(c => c.Located is not null)
            .Where(c => c.Model.ModelRefiner is null || PhraseFinder.Find(lines, c.Model.ModelRefiner).Count > 0)
            .OrderBy(c => c.Model.ModelRefiner is null ? 1 : 0)
            .ThenBy(c => c.Located!.Misfit)
            .FirstOrDefault();
        if (best.Model is null)
            throw new AnchorsNotFoundException("No model in force fits the image: none of their anchors and refiners were read.");
        return (best.Model, await ReadAsync(best.Model, best.Located!.Frame, lines, page, image, day, cancellationToken));
    }

    private async Task<IReadOnlyList<OcrWord>> ReadAsync(PreparedPage page, CancellationToken cancellationToken) =>
        await engine.ReadWordsAsync(page.ToOcrInput(), OcrOptions, cancellationToken);

    private async Task<ClarityExtraction> ReadAsync(ClarityModel model, DocumentFrame frame, IReadOnlyList<List<OcrWord>> lines,
        PreparedPage page, MagickImage image, DateOnly today, CancellationToken cancellationToken)
    {
        var placed = lines.SelectMany(l => l).Select(w => Place(w, frame)).ToList();
        var text = model.TextComponents.ToDictionary(
            c => c.Key, c => (IReadOnlyList<string>)WordsIn(placed, c.Value).SelectMany(l => l).ToList(), StringComparer.Ordinal);
        var tables = model.TableComponents.ToDictionary(
            t => t.Key, t => ReadTable(placed, t.Value), StringComparer.Ordinal);
        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        if (model.ImageComponents.Count > 0)
        {
            using var color = page.RenderColor();
            foreach (var (name, box) in model.ImageComponents)
                if (Crop(color, frame, box) is { } jpeg)
                    images[name] = Convert.ToBase64String(jpeg);
        }
        var mrz = model.MrzComponents.Count > 0 ? await mrzReader.ReadAsync(image, today, cancellationToken) : null;
        return new ClarityExtraction(text, images, tables, mrz);
    }

    private static PlacedWord Place(OcrWord word, DocumentFrame frame)
    {
        var (x, y) = frame.ToFrame(word.Box.CenterX, word.Box.CenterY);
        return new PlacedWord(word.Text, x, y, word.Box.Width / frame.PixelsPerUnit, word.Box.Height / frame.PixelsPerUnit);
    }

    /// <summary>The words whose centres lie in <paramref name="box"/>, as lines in reading order.</summary>
    private static List<List<string>> WordsIn(IEnumerable<PlacedWord> words, FrameBox box) =>
        ReadingOrder.Lines(words.Where(w => box.Contains(w.X, w.Y)), w => (w.X - w.Width / 2, w.Y, w.Height))
            .Select(line => line.Select(w => w.Text).ToList())
            .ToList();

    private static IReadOnlyList<IReadOnlyList<string>> ReadTable(List<PlacedWord> words, TableComponent table)
    {
        var box = table.Ratios;
        var rows = new List<IReadOnlyList<string>>();
        var top = box.Y1;
        foreach (var rowFraction in table.Rows)
        {
            var bottom = top + rowFraction * box.Height;
            var cells = new List<string>();
            var left = box.X1;
            foreach (var colFraction in table.Cols)
            {
                var right = left + colFraction * box.Width;
                cells.Add(string.Join(' ', WordsIn(words, new FrameBox(left, top, right, bottom)).SelectMany(l => l)));
                left = right;
            }
            rows.Add(cells);
            top = bottom;
        }
        return rows;
    }

    /// <summary>The component's box cut from the colour page and turned upright, as JPEG; null when the box is off the page.</summary>
    private static byte[]? Crop(MagickImage color, DocumentFrame frame, FrameBox box)
    {
        var corners = new[] { (box.X1, box.Y1), (box.X2, box.Y1), (box.X1, box.Y2), (box.X2, box.Y2) }
            .Select(c => frame.ToPixels(c.Item1, c.Item2)).ToList();
        var left = Math.Max(0, (int)Math.Floor(corners.Min(c => c.X)));
        var top = Math.Max(0, (int)Math.Floor(corners.Min(c => c.Y)));
        var right = Math.Min((int)color.Width, (int)Math.Ceiling(corners.Max(c => c.X)));
        var bottom = Math.Min((int)color.Height, (int)Math.Ceiling(corners.Max(c => c.Y)));
        if (right - left < 2 || bottom - top < 2)
            return null;
        using var crop = (MagickImage)color.CloneArea(new MagickGeometry(left, top, (uint)(right - left), (uint)(bottom - top)));
        var turnDegrees = frame.RotationRadians * 180 / Math.PI;
        if (Math.Abs(turnDegrees) >= MinCropTurnDegrees)
        {
            crop.BackgroundColor = MagickColors.White;
            crop.Rotate(-turnDegrees);
            var width = (uint)Math.Max(2, Math.Min(crop.Width, Math.Round(box.Width * frame.PixelsPerUnit)));
            var height = (uint)Math.Max(2, Math.Min(crop.Height, Math.Round(box.Height * frame.PixelsPerUnit)));
            crop.Crop(new MagickGeometry(width, height) { }, Gravity.Center);
            crop.ResetPage();
        }
        crop.Quality = JpegQuality;
        crop.Format = MagickFormat.Jpeg;
        return crop.ToByteArray();
    }

    private sealed record PlacedWord(string Text, double X, double Y, double Width, double Height);
}
