using ImageMagick;
using ImageMagick.Drawing;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Mrz.Finding;
using Raytio.Clarity.Tests.Mrz.Generation;

namespace Raytio.Clarity.Tests.Mrz;

/// <summary>Finding the zone from the pixels alone: no OCR, rotation, perspective, glare and small scans.</summary>
public class MrzZoneFinderTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    /// <summary>The slant a perspective adds to the zone's lines (its corners moved by up to 5% of the size) and the clean samples' own turn (up to 2 degrees) are allowed for.</summary>
    [Theory]
    [InlineData(0, false)]
    [InlineData(8, false)]
    [InlineData(-10, false)]
    [InlineData(6, true)]
    [InlineData(-4, true)]
    public void Finds_the_zone_of_a_turned_or_slanted_document(double degrees, bool perspective)
    {
        foreach (var sample in Samples(seed: 41, count: 5))
        {
            using var image = new MagickImage(sample.Data);
            image.BackgroundColor = MagickColors.White;
            if (perspective)
            {
                var (w, h) = ((double)image.Width, (double)image.Height);
                image.VirtualPixelMethod = VirtualPixelMethod.Edge;
                image.Distort(DistortMethod.Perspective, [0, 0, w * 0.05, h * 0.04, w, 0, w * 0.97, 0, w, h, w, h * 0.95, 0, h, 0, h]);
            }
            image.Rotate(degrees);

            var zone = MrzZoneFinder.Find(Gray(image))[0];

            Assert.Equal(sample.Format.LineCount(), zone.Lines.Count);
            // Clean samples are already turned up to 2 degrees.
            var tolerance = perspective ? 5.5 : 3;
            Assert.InRange(zone.Angle * 180 / Math.PI, degrees - tolerance, degrees + tolerance);
        }
    }

    /// <summary>
    /// A line under the glare may be lost at this size: the reader then cuts a band reaching a
    /// line spacing or two beyond the lines found (<see cref="ZoneBand"/>) and reads the glyphs
    /// there (<see cref="MrzDecoder"/>). What is found must be zone lines: level, in the lower part.
    /// </summary>
    [Fact]
    public void Finds_the_zone_of_a_small_scan_under_glare()
    {
        foreach (var sample in Samples(seed: 43, count: 5))
        {
            using var image = new MagickImage(sample.Data);
            using var glare = new MagickImage(MagickColors.Transparent, image.Width, image.Height);
            new Drawables().FillColor(new MagickColor(255, 255, 255, 200)).StrokeColor(MagickColors.Transparent)
                .Ellipse(image.Width * 0.3, image.Height * 0.85, image.Width * 0.15, image.Height * 0.1, 0, 360).Draw(glare);
            glare.GaussianBlur(0, image.Width * 0.02);
            image.Composite(glare, CompositeOperator.Over);
            image.Resize(new MagickGeometry(image.Width * 275 / 856, image.Height * 275 / 856));
            image.Resize(new Percentage(1600.0 / image.Width * 100));

            var zone = MrzZoneFinder.Find(Gray(image))[0];

            Assert.InRange(zone.Lines.Count, 1, sample.Format.LineCount());
            Assert.InRange(zone.Angle * 180 / Math.PI, -3, 3);
            Assert.True(zone.Lines[0].YAt(zone.Lines[0].CenterX) > image.Height * 0.6);
        }
    }

    [Fact]
    public void Finds_no_zone_on_a_page_of_ordinary_print()
    {
        using var image = new MagickImage(MagickColors.White, 1600, 1000);
        var drawables = new Drawables().Font(DocumentRenderer.OcrBFont).FontPointSize(30).FillColor(MagickColors.Black);
        for (var line = 0; line < 6; line++)
            drawables.Text(100, 150 + line * 120, "Name Surname");
        drawables.Draw(image);

        Assert.DoesNotContain(MrzZoneFinder.Find(Gray(image)), zone => zone.Lines.Count > 1);
    }

    [Fact]
    public void Makes_print_under_glare_as_dark_as_print_beside_it()
    {
        using var image = new MagickImage(MagickColors.White, 800, 200);
        new Drawables().Font(DocumentRenderer.OcrBFont).FontPointSize(40).FillColor(new MagickColor(60, 60, 60))
            .Text(20, 100, "L898902C36UTO").Draw(image);
        using var glare = new MagickImage(MagickColors.Transparent, 800, 200);
        new Drawables().FillColor(new MagickColor(255, 255, 255, 170)).Rectangle(0, 0, 400, 200).Draw(glare);
        image.Composite(glare, CompositeOperator.Over);

        var normalised = GrayMap.From(ContrastNormaliser.Normalise(Gray(image), 80));

        Assert.InRange(Darkest(normalised, 0, 400) - Darkest(normalised, 400, 800), -40, 40);
        Assert.True(Darkest(normalised, 0, 400) < 60);
    }

    private static int Darkest(GrayMap map, int left, int right)
    {
        var darkest = 255;
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = left; x < right; x++)
                darkest = Math.Min(darkest, map[x, y]);
        }
        return darkest;
    }

    private static IEnumerable<SyntheticMrzImage> Samples(int seed, int count)
    {
        var generator = new MrzImageGenerator(seed, Today);
        return Enumerable.Range(0, count).Select(_ => generator.Next(degraded: false)).ToList();
    }

    private static GrayMap Gray(MagickImage image)
    {
        using var gray = (MagickImage)image.Clone();
        gray.Grayscale();
        var scale = 1600.0 / Math.Max(gray.Width, gray.Height);
        gray.Resize(new Percentage(scale * 100));
        return GrayMap.From(gray);
    }
}
