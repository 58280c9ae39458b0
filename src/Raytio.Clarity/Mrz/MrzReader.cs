using ImageMagick;
using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Mrz;

/// <summary>
/// Reads the machine-readable zone of a photographed or scanned document. The page is made
/// grayscale and brought to a working size, then searched upright, upside down and turned a
/// quarter either way until a zone is found; the zone's band is cut out, deskewed and enlarged,
/// read in a few renderings (contrast-stretched, globally and locally thresholded against
/// glare), each reading laid onto the fixed character cells, voted position by position, and
/// repaired only as far as the check digits confirm.
/// </summary>
public sealed class MrzReader(TesseractEngine engine, OcrBGlyphs? glyphs)
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    private const int WorkingWidth = 1600;
    private const double TargetLineHeight = 40;
    private static readonly TesseractOptions BlockOptions = new(PageSegmentation: 6, CharacterWhitelist: Alphabet);
    private readonly MrzLocator _locator = new(engine);
    private readonly MrzGlyphClassifier? _classifier = glyphs is null ? null : new MrzGlyphClassifier(glyphs);

    /// <summary>A reader with the OCR-B glyphs from the Debian font, when installed.</summary>
    public MrzReader(TesseractEngine engine)
        : this(engine, OcrBGlyphs.Load(OcrBGlyphs.DefaultFontPath))
    {
    }

    /// <summary>The zone read, or null when no zone was found.</summary>
    public async Task<MrzReading?> ReadAsync(MagickImage image, DateOnly today, CancellationToken cancellationToken)
    {
        using var page = Working(image);
        foreach (var turn in new[] { 0, 180, 90, 270 })
        {
            using var turned = (MagickImage)page.Clone();
            if (turn != 0)
                turned.Rotate(turn);
            turned.Deskew(new Percentage(40));
            turned.ResetPage();
            if (await _locator.LocateAsync(turned, cancellationToken) is not { } zone)
                continue;
            if (await ReadZoneAsync(turned, zone, today, cancellationToken) is { } reading)
                return reading;
        }
        return null;
    }

    private static MagickImage Working(MagickImage image)
    {
        var page = (MagickImage)image.Clone();
        page.Grayscale();
        page.Resize(new Percentage(100.0 * WorkingWidth / page.Width));
        page.ResetPage();
        return page;
    }

    private async Task<MrzReading?> ReadZoneAsync(MagickImage page, IReadOnlyList<OcrTextLine> zone, DateOnly today, CancellationToken cancellationToken)
    {
        using var band = Band(page, zone);
        var readings = new List<ZoneReading>();
        foreach (var rendering in Renderings(band))
        {
            using (rendering)
            {
                rendering.Format = MagickFormat.Png;
                var words = await engine.ReadWordsAsync(rendering.ToByteArray(), BlockOptions, cancellationToken);
                if (MrzLocator.Stack(OcrTextLine.Group(words)) is { } lines)
                    readings.Add(new ZoneReading(lines, readings.Count == 0 && _classifier is not null ? GrayMap.From(rendering) : null));
            }
        }
        return MrzDecoder.Decode(readings, _classifier, today);
    }

    /// <summary>The zone's lines with a margin, deskewed again at their own scale, enlarged so a line is about 40 pixels tall.</summary>
    private static MagickImage Band(MagickImage page, IReadOnlyList<OcrTextLine> zone)
    {
        var height = zone.Select(l => l.Box.Height).Order().ElementAt(zone.Count / 2);
        // Generous margins: the locating pass may have missed a line or the end of one.
        var spacing = zone.Count > 1 ? (zone[^1].Box.CenterY - zone[0].Box.CenterY) / (zone.Count - 1) : height * 1.8;
        var width = zone.Max(l => l.Box.Right) - zone.Min(l => l.Box.Left);
        var left = Math.Max(0, zone.Min(l => l.Box.Left) - Math.Max(height * 2, width / 5));
        var top = Math.Max(0, (int)(zone.Min(l => l.Box.Top) - spacing * 1.3));
        var right = Math.Min((int)page.Width, zone.Max(l => l.Box.Right) + Math.Max(height * 2, width / 5));
        var bottom = Math.Min((int)page.Height, (int)(zone.Max(l => l.Box.Bottom) + spacing * 1.3));
        var band = (MagickImage)page.CloneArea(left, top, (uint)(right - left), (uint)(bottom - top));
        band.ResetPage();
        band.Deskew(new Percentage(40));
        band.ResetPage();
        band.Resize(new Percentage(100.0 * TargetLineHeight / Math.Max(1, height)), FilterType.Lanczos);
        band.AutoLevel();
        return band;
    }

    private static IEnumerable<MagickImage> Renderings(MagickImage band)
    {
        yield return (MagickImage)band.Clone();
        var global = (MagickImage)band.Clone();
        global.AutoThreshold(AutoThresholdMethod.OTSU);
        yield return global;
        var local = (MagickImage)band.Clone();
        local.AdaptiveThreshold((uint)(TargetLineHeight * 1.5), (uint)(TargetLineHeight * 1.5), new Percentage(8));
        yield return local;
    }
}
