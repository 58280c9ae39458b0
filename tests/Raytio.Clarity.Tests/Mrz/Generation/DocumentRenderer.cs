using System.Globalization;
using ImageMagick;
using ImageMagick.Drawing;
using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Mrz.Generation;

/// <summary>
/// Draws a card-like travel document at 10 pixels a millimetre: a tinted background with wavy
/// security lines, a photo box, visual-zone captions and values in a sans-serif font, and the
/// machine-readable zone in OCR-B at the ICAO pitch of 2.54 mm a character.
/// </summary>
public static class DocumentRenderer
{
    public const string OcrBFont = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";
    private const string SansFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const double PixelsPerMm = 10;
    private const double CharacterPitchMm = 2.54;

    public static MagickImage Render(MrzFormat format, MrzFields fields, IReadOnlyList<string> lines, Random random)
    {
        var (widthMm, heightMm) = Size(format);
        var width = (uint)(widthMm * PixelsPerMm);
        var height = (uint)(heightMm * PixelsPerMm);
        var image = new MagickImage(Tint(random), width, height);
        DrawSecurityLines(image, random);
        DrawVisualZone(image, format, fields, random);
        DrawMrz(image, lines, random);
        return image;
    }

    /// <summary>The document's size in millimetres (ICAO 9303-3: ID-1, ID-2, ID-3 and the visa sizes).</summary>
    private static (double Width, double Height) Size(MrzFormat format) => format switch
    {
        MrzFormat.TD1 => (85.6, 54.0),
        MrzFormat.TD2 => (105.0, 74.0),
        MrzFormat.TD3 => (125.0, 88.0),
        MrzFormat.MRVA => (120.0, 80.0),
        _ => (105.0, 74.0),
    };

    private static MagickColor Tint(Random random) =>
        MagickColor.FromRgb((byte)random.Next(205, 250), (byte)random.Next(205, 250), (byte)random.Next(205, 250));

    private static void DrawSecurityLines(MagickImage image, Random random)
    {
        var drawables = new Drawables().StrokeWidth(1.2).FillColor(MagickColors.Transparent);
        for (var curve = 0; curve < 14; curve++)
        {
            var shade = (byte)random.Next(150, 215);
            var points = new List<PointD>();
            var baseline = random.NextDouble() * image.Height;
            var amplitude = 5 + random.NextDouble() * 25;
            var period = 60 + random.NextDouble() * 200;
            for (var x = 0; x <= image.Width; x += 8)
                points.Add(new PointD(x, baseline + amplitude * Math.Sin(x / period * 2 * Math.PI)));
            drawables.StrokeColor(MagickColor.FromRgb(shade, (byte)(shade + random.Next(0, 30)), shade)).Polyline(points.ToArray());
        }
        drawables.Draw(image);
    }

    private static void DrawVisualZone(MagickImage image, MrzFormat format, MrzFields fields, Random random)
    {
        var photoWidth = image.Width * 0.26;
        var top = image.Height * 0.2;
        // The photo ends above the zone's clear area, as ICAO 9303-3 keeps the zone free of other print.
        var photoBottom = Math.Min(top + photoWidth * 1.25, image.Height - ZoneHeightMm(format) * PixelsPerMm);
        var drawables = new Drawables()
            .FillColor(MagickColor.FromRgb(150, 150, 160)).StrokeColor(MagickColors.Transparent)
            .Rectangle(image.Width * 0.04, top, image.Width * 0.04 + photoWidth, photoBottom)
            .Font(SansFont).FillColor(MagickColor.FromRgb(40, 40, 90)).FontPointSize(image.Height * 0.05)
            .Text(image.Width * 0.04, image.Height * 0.1, Title(format));
        var x = image.Width * 0.36;
        var y = top;
        var step = image.Height * (format == MrzFormat.TD1 ? 0.095 : 0.085);
        foreach (var (caption, value) in Captions(fields))
        {
            drawables.FontPointSize(image.Height * 0.022).FillColor(MagickColor.FromRgb(90, 90, 120)).Text(x, y, caption)
                .FontPointSize(image.Height * 0.034).FillColor(MagickColor.FromRgb(20, 20, 30)).Text(x, y + step * 0.45, value);
            y += step;
            if (y > image.Height * 0.62)
                break;
        }
        if (random.Next(2) == 0)
            drawables.FontPointSize(image.Height * 0.025).FillColor(MagickColor.FromRgb(60, 60, 60)).Text(image.Width * 0.7, image.Height * 0.1, "NZL UTO 0123");
        drawables.Draw(image);
    }

    /// <summary>The zone's clear area from the bottom edge: three lines (TD1) or two, with their spacing and margins.</summary>
    private static double ZoneHeightMm(MrzFormat format) => format.LineCount() == 3 ? 21 : 17;

    private static string Title(MrzFormat format) => format switch
    {
        MrzFormat.TD3 => "PASSPORT",
        MrzFormat.MRVA or MrzFormat.MRVB => "VISA",
        _ => "IDENTITY CARD",
    };

    private static IEnumerable<(string Caption, string Value)> Captions(MrzFields fields)
    {
        yield return ("Surname / Nom", fields.Surname);
        yield return ("Given names / Prénoms", fields.GivenNames);
        yield return ("Nationality", fields.Nationality);
        yield return ("Date of birth", fields.DateOfBirth!.Value.ToString("dd MMM yyyy", CultureInfo.InvariantCulture).ToUpperInvariant());
        yield return ("Sex", fields.Sex.ToString());
        yield return ("Document no.", fields.DocumentNumber);
        yield return ("Date of expiry", fields.ExpiryDate!.Value.ToString("dd MMM yyyy", CultureInfo.InvariantCulture).ToUpperInvariant());
    }

    /// <summary>
    /// Each character drawn at its own pitch position, as MRZ printers place them; the block sits
    /// a few millimetres above the bottom edge, its line spacing and ink varying a little.
    /// </summary>
    private static void DrawMrz(MagickImage image, IReadOnlyList<string> lines, Random random)
    {
        var pitch = CharacterPitchMm * PixelsPerMm;
        var lineSpacing = (4.0 + random.NextDouble() * 0.6) * PixelsPerMm;
        var left = (image.Width - lines[0].Length * pitch) / 2 + (random.NextDouble() - 0.5) * 2 * PixelsPerMm;
        var bottom = image.Height - (3.5 + random.NextDouble() * 2) * PixelsPerMm;
        var ink = (byte)random.Next(0, 50);
        var drawables = new Drawables().Font(OcrBFont).FontPointSize(3.3 * PixelsPerMm)
            .FillColor(MagickColor.FromRgb(ink, ink, ink));
        for (var line = 0; line < lines.Count; line++)
        {
            var baseline = bottom - (lines.Count - 1 - line) * lineSpacing;
            for (var i = 0; i < lines[line].Length; i++)
                drawables.Text(left + i * pitch, baseline, lines[line][i].ToString());
        }
        drawables.Draw(image);
    }
}
