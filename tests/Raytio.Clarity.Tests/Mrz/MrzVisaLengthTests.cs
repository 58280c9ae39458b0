using ImageMagick;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Mrz.Finding;
using Raytio.Clarity.Tests.Mrz.Generation;

namespace Raytio.Clarity.Tests.Mrz;

/// <summary>
/// MRV-A (44 characters a line) and MRV-B (36) share their checked characters, so no check digit
/// tells a 36-character visa laid on 44 cells from the real thing; the decoder withholds `valid`
/// from a visa whose glyphs fit the other length's cell grid better. These tests hold that
/// premise against generated visas of both lengths.
/// </summary>
public class MrzVisaLengthTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData(MrzFormat.MRVA)]
    [InlineData(MrzFormat.MRVB)]
    public void A_visa_zone_fits_the_cell_grid_of_its_own_line_length_best(MrzFormat format)
    {
        var classifier = new MrzGlyphClassifier(OcrBGlyphs.Load(OcrBGlyphs.DefaultFontPath)!);
        var generator = new MrzImageGenerator(11, Today);
        var samples = Enumerable.Range(0, 25).Select(_ => generator.Next(degraded: false)).Where(s => s.Format == format).Take(2).ToList();
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            var traced = TracedZone(sample.Data);
            var fits = new[] { 36, 44 }.ToDictionary(length => length,
                length => MrzDecoder.GlyphFit(MrzDecoder.Grid(traced, classifier, length)));

            Assert.False(MrzDecoder.LengthInDoubt(format, fits), $"{sample.Description}: fit 36 {fits[36]:F3}, 44 {fits[44]:F3}");
            Assert.True(MrzDecoder.LengthInDoubt(format == MrzFormat.MRVA ? MrzFormat.MRVB : MrzFormat.MRVA, fits));
        }
    }

    /// <summary>The zone's band as the reader cuts and normalises it, with its traced lines.</summary>
    private static ZoneGlyphs TracedZone(byte[] data)
    {
        using var page = new MagickImage(data);
        page.Grayscale();
        using var working = (MagickImage)page.Clone();
        working.Resize(new Percentage(1600.0 / Math.Max(page.Width, page.Height) * 100));
        var scale = (double)working.Width / page.Width;
        var zone = MrzZoneFinder.Find(GrayMap.From(working))[0];
        using var band = ZoneBand.Cut(page, zone, scale);
        band.Image.AutoLevel();
        using var normalised = ContrastNormaliser.Normalise(GrayMap.From(band.Image), ZoneBand.LineHeight * 2);
        return new ZoneGlyphs(GrayMap.From(normalised), band.Lines);
    }
}
