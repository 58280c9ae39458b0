using ImageMagick;
using Raytio.Clarity.Diagnostics;
using Raytio.Clarity.Layout;
using Raytio.Clarity.Models;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Preparation;

namespace Raytio.Clarity.Extraction;

/// <summary>
/// Extraction with a Clarity model: prepare the page (working size, deskew), read its words with
/// one Tesseract run, place the model's frame from the anchors, then read each component inside
/// its box. A page whose anchors that reading misses is prepared and read once more, thoroughly
/// (larger, median-filtered), before it is given up. One OCR run per image keeps extraction within a little of the raw command's time; a
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

    /// <summary>Tesseract's single-line and single-character modes, for reading one component's box again.</summary>
    private const int SingleLine = 7;

    private const int SingleCharacter = 10;

    /// <summary>
    /// A uniform block: the box read again this way when the line or character mode finds nothing
    /// that fits. A box cut a little high holds the bottoms of the label above it, which those
    /// modes take for part of the line (a lone P beneath them reads as nothing) and a block keeps apart.
    /// </summary>
    private const int UniformBlock = 6;

    private const uint LineBorder = 12;

    /// <summary>A component's box is enlarged to at least this height for its second reading: Tesseract reads best with letters a few dozen pixels tall.</summary>
    private const uint MinLineHeight = 72;

    /// <summary>The margin, in frame units, around a zone's box: about a line of the zone.</summary>
    private const double MrzMarginUnits = 0.2;

    /// <exception cref="AnchorsNotFoundException">The model's anchors are not in the image.</exception>
    /// <exception cref="OcrUnavailableException">The OCR library could not run.</exception>
    /// <param name="today">The day two-digit years in a machine-readable zone are read against.</param>
    /// <param name="timings">Where to add the time each stage takes, for the benchmark; null when nobody asks.</param>
    public async Task<ClarityExtraction> ExtractAsync(ClarityModel model, MagickImage image, DateOnly today, CancellationToken cancellationToken,
        StageTimings? timings = null)
    {
        timings ??= new StageTimings();
        foreach (var thorough in new[] { false, true })
        {
            var page = PagePreparer.Prepare(image, timings, thorough);
            var lines = PhraseFinder.Lines(await ReadAsync(page, timings, cancellationToken));
            if (FrameLocator.Locate(model, lines) is { } located)
                return await ReadAsync(model, located.Frame, lines, page, image, today, timings, cancellationToken);
        }
        throw new AnchorsNotFoundException($"The image does not show the anchors '{model.AnchorA}' and '{model.AnchorC}' of model '{model.Name}'.");
    }

    /// <summary>
    /// Chooses, among <paramref name="models"/> in force on <paramref name="day"/>, the one whose
    /// anchors and refiner the image shows (a model with a refiner that matches beats one without;
    /// then the better anchor fit), and extracts with it. The image is read once for all models
    /// (and once more, thoroughly, when none fits the first reading).
    /// </summary>
    /// <exception cref="AnchorsNotFoundException">No model fits the image.</exception>
    public async Task<(ClarityModel Model, ClarityExtraction Extraction)> ExtractBestAsync(
        IReadOnlyList<ClarityModel> models, MagickImage image, DateOnly day, CancellationToken cancellationToken)
    {
        var timings = new StageTimings();
        foreach (var thorough in new[] { false, true })
        {
            var page = PagePreparer.Prepare(image, timings, thorough);
            var lines = PhraseFinder.Lines(await ReadAsync(page, timings, cancellationToken));
            var best = models
                .Where(m => m.IsValidOn(day))
                .Select(m => (Model: m, Located: FrameLocator.Locate(m, lines)))
                .Where(c => c.Located is not null)
                .Where(c => c.Model.ModelRefiner is null || PhraseFinder.Find(lines, c.Model.ModelRefiner).Count > 0)
                .OrderBy(c => c.Model.ModelRefiner is null ? 1 : 0)
                .ThenBy(c => c.Located!.Misfit)
                .FirstOrDefault();
            if (best.Model is not null)
                return (best.Model, await ReadAsync(best.Model, best.Located!.Frame, lines, page, image, day, timings, cancellationToken));
        }
        throw new AnchorsNotFoundException("No model in force fits the image: none of their anchors and refiners were read.");
    }

    private async Task<IReadOnlyList<OcrWord>> ReadAsync(PreparedPage page, StageTimings timings, CancellationToken cancellationToken) =>
        await timings.TimeAsync("ocr", () => engine.ReadWordsAsync(page.Gray, OcrOptions, cancellationToken));

    private async Task<ClarityExtraction> ReadAsync(ClarityModel model, DocumentFrame frame, IReadOnlyList<List<OcrWord>> lines,
        PreparedPage page, MagickImage image, DateOnly today, StageTimings timings, CancellationToken cancellationToken)
    {
        var placed = lines.SelectMany(l => l).Select(w => Place(w, frame)).ToList();
        var text = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, box) in model.TextComponents)
        {
            var words = WordsIn(placed, box).SelectMany(l => l).ToList();
            text[name] = model.TextFormats.TryGetValue(name, out var format)
                ? await FormattedAsync(words, format, page, frame, box, timings, cancellationToken)
                : words;
        }
        var tables = model.TableComponents.ToDictionary(
            t => t.Key, t => ReadTable(placed, t.Value), StringComparer.Ordinal);
        var images = timings.Time("crops", () =>
        {
            var crops = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, box) in model.ImageComponents)
            {
                using var crop = UploadCrops.Cut(image, page.Transform, frame, box, margin: 0);
                if (crop is null)
                    continue;
                crop.Quality = JpegQuality;
                crop.Format = MagickFormat.Jpeg;
                crops[name] = Convert.ToBase64String(crop.ToByteArray());
            }
            return crops;
        });
        var mrz = model.MrzComponents.Count > 0
            ? await timings.TimeAsync("mrz", () => ReadMrzAsync(model, image, page, frame, today, cancellationToken))
            : null;
        return new ClarityExtraction(text, images, tables, mrz);
    }

    /// <summary>
    /// A formatted component's words, corrected by its format. When they do not fit it, the
    /// longest run of them that does is taken (a box placed a little off also holds a word of a
    /// neighbouring label); failing that, the component's box is read again on its own, enlarged
    /// when its text is small, with only the characters the format allows: as a line (or one
    /// character), then as a block.
    /// </summary>
    private async Task<IReadOnlyList<string>> FormattedAsync(List<string> words, TextFormat format, PreparedPage page, DocumentFrame frame,
        FrameBox box, StageTimings timings, CancellationToken cancellationToken)
    {
        if (FittingRun(words, format) is { } fitting)
            return Words(fitting);
        var corrected = format.Correct(string.Join(' ', words));
        if (PageCrop(page.Gray, frame, box) is not { } crop)
            return Words(corrected);
        var lineImage = LineImage(crop);
        foreach (var segmentation in new[] { format.IsOneCharacter ? SingleCharacter : SingleLine, UniformBlock })
        {
            var options = new TesseractOptions(PageSegmentation: segmentation, CharacterWhitelist: format.Whitelist);
            var reread = await timings.TimeAsync("reread", () => engine.ReadWordsAsync(lineImage, options, cancellationToken));
            if (FittingRun(PhraseFinder.Lines(reread).SelectMany(l => l).Select(w => w.Text).ToList(), format) is { } fits)
                return Words(fits);
        }
        return Words(corrected);
    }

    /// <summary>The longest run of consecutive words that, corrected, fits the format (the leftmost of equal runs); null when none does.</summary>
    private static string? FittingRun(List<string> words, TextFormat format)
    {
        for (var count = words.Count; count >= 1; count--)
        {
            for (var start = 0; start + count <= words.Count; start++)
            {
                var corrected = format.Correct(string.Join(' ', words.Skip(start).Take(count)));
                if (format.Fits(corrected))
                    return corrected;
            }
        }
        return null;
    }

    /// <summary>
    /// A box's pixels for a reading on their own: enlarged to <see cref="MinLineHeight"/> when
    /// smaller, with a white border (Tesseract misreads text that touches the image's edge).
    /// </summary>
    private static byte[] LineImage(PixelRaster crop)
    {
        using var image = crop.ToMagickImage();
        if (crop.Height < MinLineHeight)
        {
            var scale = (double)MinLineHeight / crop.Height;
            image.Resize((uint)Math.Round(crop.Width * scale), MinLineHeight, FilterType.Triangle);
        }
        image.BorderColor = MagickColors.White;
        image.Border(LineBorder);
        image.Depth = 8;
        return image.ToByteArray(MagickFormat.Pgm);
    }

    private static List<string> Words(string text) => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    /// The zone read from its component's box cut from the upload (upright, with a margin for a
    /// frame placed a little off, at the upload's resolution), so the reader sees the zone without
    /// the rest of the document. The cut reaches as far again above the box: the reader looks for
    /// a zone in the lower half of a page first, and a cut of the zone alone would put its upper
    /// line outside that half. When that finds none, the reader searches the whole upload.
    /// </summary>
    private async Task<MrzReading?> ReadMrzAsync(ClarityModel model, MagickImage image, PreparedPage page, DocumentFrame frame,
        DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var box in model.MrzComponents.Values)
        {
            using var crop = UploadCrops.Cut(image, page.Transform, frame, box, margin: MrzMarginUnits, extraAbove: box.Height);
            if (crop is not null && await mrzReader.ReadAsync(crop, today, cancellationToken) is { } reading)
                return reading;
        }
        return await mrzReader.ReadAsync(image, today, cancellationToken);
    }

    /// <summary>The page's pixels under a component's box (axis-aligned around its corners), or null when off the page.</summary>
    private static PixelRaster? PageCrop(PixelRaster page, DocumentFrame frame, FrameBox box)
    {
        var corners = new[] { (box.X1, box.Y1), (box.X2, box.Y1), (box.X1, box.Y2), (box.X2, box.Y2) }
            .Select(c => frame.ToPixels(c.Item1, c.Item2)).ToList();
        var left = (int)Math.Floor(corners.Min(c => c.X));
        var top = (int)Math.Floor(corners.Min(c => c.Y));
        return page.Crop(left, top, (int)Math.Ceiling(corners.Max(c => c.X)) - left, (int)Math.Ceiling(corners.Max(c => c.Y)) - top);
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

    private sealed record PlacedWord(string Text, double X, double Y, double Width, double Height);
}
