using ImageMagick;
using Raytio.Clarity.Mrz.Finding;
using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Mrz;

/// <summary>
/// Reads the machine-readable zone of a photographed or scanned document. The zone is found
/// from the pixels (<see cref="MrzZoneFinder"/>: dark text lines by local contrast, tolerant of
/// glare, rotation and perspective), on the page as it stands and turned a quarter; its band
/// is straightened and enlarged (<see cref="ZoneBand"/>), turned upside down when its glyphs
/// match better so, read by Tesseract in a few renderings and by the OCR-B glyphs cell by
/// cell, voted position by position, and repaired only as far as the check digits confirm.
/// </summary>
public sealed class MrzReader(TesseractEngine engine, OcrBGlyphs? glyphs)
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

    private const int WorkingSize = 1600;
    private const int MaxZonesRead = 2;
    private static readonly TesseractOptions BlockOptions = new(PageSegmentation: 6, CharacterWhitelist: Alphabet);
    private readonly MrzGlyphClassifier? _classifier = glyphs is null ? null : new MrzGlyphClassifier(glyphs);

    /// <summary>A reader with the OCR-B glyphs from the Debian font, when installed.</summary>
    public MrzReader(TesseractEngine engine)
        : this(engine, OcrBGlyphs.Load(OcrBGlyphs.DefaultFontPath))
    {
    }

    /// <summary>The zone read, or null when no zone was found.</summary>
    public async Task<MrzReading?> ReadAsync(MagickImage image, DateOnly today, CancellationToken cancellationToken)
    {
        using var upright = (MagickImage)image.Clone();
        upright.Grayscale();
        upright.ResetPage();
        using var turned = (MagickImage)upright.Clone();
        turned.Rotate(90);
        turned.ResetPage();
        var found = new[] { upright, turned }
            .SelectMany(page => Zones(page).Select((zone, rank) => (Page: page, zone.Zone, zone.Scale, Rank: rank)))
            .ToList();
        // A zone of one traced line is read only when no stack of two or three was traced anywhere.
        var stacked = found.Any(z => z.Zone.Lines.Count > 1);
        MrzReading? best = null;
        foreach (var (page, zone, scale, _) in found.Where(z => z.Zone.Lines.Count > 1 == stacked).OrderBy(z => z.Rank).Take(MaxZonesRead))
        {
            using var band = ZoneBand.Cut(page, zone, scale);
            var reading = await ReadBandAsync(band, today, cancellationToken);
            if (reading is not null && (best is null || reading.Checks.Passed > best.Checks.Passed))
                best = reading;
            // Most check digits verifying: this is the zone, read as well as it can be.
            if (best is { } b && (b.Valid || b.Checks.Passed >= 3))
                break;
        }
        return best;
    }

    /// <summary>The zones traced on the page brought to the working size, with that size's scale.</summary>
    private static IEnumerable<(MrzZone Zone, double Scale)> Zones(MagickImage page)
    {
        using var working = (MagickImage)page.Clone();
        var scale = (double)WorkingSize / Math.Max(page.Width, page.Height);
        working.Resize(new Percentage(100 * scale));
        working.ResetPage();
        scale = (double)working.Width / page.Width;
        return MrzZoneFinder.Find(GrayMap.From(working)).Select(zone => (zone, scale)).ToList();
    }

    /// <summary>The band read as it stands, or upside down when its glyphs say it is; the other way too when the first gives nothing.</summary>
    private async Task<MrzReading?> ReadBandAsync(ZoneBand band, DateOnly today, CancellationToken cancellationToken)
    {
        using var turned = band.UpsideDown();
        var (first, second) = UprightFirst(band, turned);
        var reading = await ReadOrientedAsync(first, today, cancellationToken);
        return reading is { Valid: true } || _classifier is not null && reading is { Checks.Passed: >= 2 }
            ? reading
            : await ReadOrientedAsync(second, today, cancellationToken) ?? reading;
    }

    private (ZoneBand First, ZoneBand Second) UprightFirst(ZoneBand band, ZoneBand turned)
    {
        if (_classifier is null)
            return (band, turned);
        return GlyphFit(band) >= GlyphFit(turned) ? (band, turned) : (turned, band);
    }

    /// <summary>How well the band's cells match OCR-B glyphs, at the likelier of the line lengths its line count allows.</summary>
    private double GlyphFit(ZoneBand band)
    {
        var map = GrayMap.From(band.Image);
        var left = band.Lines.Min(l => l.Left);
        var span = band.Lines.Max(l => l.Width);
        return (band.Lines.Count == 3 ? [30] : new[] { 36, 44 }).Max(length =>
            band.Lines.Average(l => _classifier!.ReadLineScored(map, left, MrzLineAligner.Pitch(span, length), l.Top, l.Bottom, length).Score));
    }

    private async Task<MrzReading?> ReadOrientedAsync(ZoneBand band, DateOnly today, CancellationToken cancellationToken)
    {
        band.Image.AutoLevel();
        var readings = new List<IReadOnlyList<OcrTextLine>>();
        ZoneGlyphs? glyphs = null;
        foreach (var rendering in Renderings(band.Image))
        {
            using (rendering)
            {
                rendering.Format = MagickFormat.Png;
                glyphs ??= new ZoneGlyphs(GrayMap.From(rendering), band.Lines);
                var words = await engine.ReadWordsAsync(rendering.ToByteArray(), BlockOptions, cancellationToken);
                if (MrzLines.Stack(OcrTextLine.Group(words)) is { } lines)
                    readings.Add(lines);
            }
        }
        return MrzDecoder.Decode(readings, glyphs, _classifier, today);
    }

    /// <summary>Locally normalised (against glare and shadow), that binarised at its middle, and the band globally binarised (Otsu).</summary>
    private static IEnumerable<MagickImage> Renderings(MagickImage band)
    {
        var normalised = ContrastNormaliser.Normalise(GrayMap.From(band), ZoneBand.LineHeight * 2);
        var local = (MagickImage)normalised.Clone();
        local.Threshold(new Percentage(50));
        yield return normalised;
        yield return local;
        var global = (MagickImage)band.Clone();
        global.AutoThreshold(AutoThresholdMethod.OTSU);
        yield return global;
    }
}
