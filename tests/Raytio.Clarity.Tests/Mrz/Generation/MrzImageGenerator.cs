using System.Globalization;
using ImageMagick;
using ImageMagick.Drawing;
using Raytio.Clarity.Mrz;

namespace Raytio.Clarity.Tests.Mrz.Generation;

/// <summary>
/// Seeded generator of photographed or scanned travel documents: TD1, TD2, TD3 and visa zones
/// with random data, then (when degraded) a table-top border, a camera's perspective (the
/// corners moved up to 6% of the size), rotation up to 10 degrees, glare (soft patches and,
/// on some, a hard specular blob over the zone), uneven light, reduction down to about 3.2
/// pixels a millimetre (275 x 184 for an ID card), blur, noise, JPEG compression and, on some,
/// the pixels stored turned with an EXIF orientation to undo it.
/// </summary>
public sealed class MrzImageGenerator(int seed, DateOnly today)
{
    private static readonly MrzFormat[] Formats = [MrzFormat.TD1, MrzFormat.TD2, MrzFormat.TD3, MrzFormat.MRVA, MrzFormat.MRVB];
    private readonly Random _random = new(seed);

    public SyntheticMrzImage Next(bool degraded)
    {
        var format = Formats[_random.Next(Formats.Length)];
        var fields = new RandomMrzFields(_random, today).Next(format);
        var lines = MrzComposer.Compose(format, fields);
        using var image = DocumentRenderer.Render(format, fields, lines, _random);
        var notes = new List<string> { format.ToString() };
        var data = degraded ? Degrade(image, notes) : Clean(image, notes);
        return new SyntheticMrzImage(format, MrzParser.Parse(lines, today)!.Fields, lines, data, string.Join(' ', notes));
    }

    private byte[] Clean(MagickImage image, List<string> notes)
    {
        Rotate(image, 2, notes);
        Scale(image, 5, 12, notes);
        image.Format = MagickFormat.Png;
        return image.ToByteArray();
    }

    private byte[] Degrade(MagickImage image, List<string> notes)
    {
        if (_random.Next(3) > 0)
        {
            var border = (uint)(image.Width * (0.05 + _random.NextDouble() * 0.15));
            var table = MagickColor.FromRgb((byte)_random.Next(30, 200), (byte)_random.Next(30, 200), (byte)_random.Next(30, 200));
            image.BorderColor = table;
            image.Border(border);
            notes.Add("border");
        }
        if (_random.Next(2) == 0)
            Perspective(image, notes);
        Rotate(image, 10, notes);
        if (_random.Next(2) == 0)
            Glare(image, notes);
        if (_random.Next(4) == 0)
            Specular(image, notes);
        if (_random.Next(3) == 0)
            UnevenLight(image, notes);
        Scale(image, 3.2, 9, notes);
        if (_random.Next(2) == 0)
        {
            var sigma = 0.3 + _random.NextDouble() * 0.7;
            image.GaussianBlur(0, sigma);
            notes.Add($"blur {sigma:F1}");
        }
        if (_random.Next(2) == 0)
        {
            var attenuate = 0.2 + _random.NextDouble() * 0.6;
            image.AddNoise(NoiseType.Gaussian, attenuate);
            notes.Add($"noise {attenuate:F1}");
        }
        var orientation = _random.Next(10) switch
        {
            0 => (ushort)6,
            1 => (ushort)8,
            2 => (ushort)3,
            _ => (ushort)1,
        };
        if (_random.Next(20) == 0 && orientation == 1)
        {
            image.Rotate(180);
            notes.Add("upside down");
        }
        StoreTurned(image, orientation);
        image.Quality = (uint)_random.Next(35, 86);
        notes.Add($"jpeg {image.Quality}");
        image.Format = MagickFormat.Jpeg;
        var jpeg = image.ToByteArray();
        if (orientation == 1)
            return jpeg;
        notes.Add($"exif {orientation}");
        return ExifJpeg.WithOrientation(jpeg, orientation);
    }

    private void Rotate(MagickImage image, double maxDegrees, List<string> notes)
    {
        var degrees = (_random.NextDouble() * 2 - 1) * maxDegrees;
        using (var pixels = image.GetPixels())
            image.BackgroundColor = pixels.GetPixel(0, 0).ToColor()!;
        image.Rotate(degrees);
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"rotate {degrees:F1}"));
    }

    /// <summary>Resized so that a millimetre of the document spans between the bounds in pixels.</summary>
    private void Scale(MagickImage image, double minPixelsPerMm, double maxPixelsPerMm, List<string> notes)
    {
        // Rendered at 10 pixels a millimetre; log-uniform so that small scans are as common as large photographs.
        var target = Math.Exp(Math.Log(minPixelsPerMm) + _random.NextDouble() * (Math.Log(maxPixelsPerMm) - Math.Log(minPixelsPerMm)));
        image.Resize(new Percentage(target * 10));
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"{image.Width}x{image.Height}"));
    }

    /// <summary>A soft bright patch or two, as a laminate reflects a lamp.</summary>
    private void Glare(MagickImage image, List<string> notes)
    {
        using var overlay = new MagickImage(MagickColors.Transparent, image.Width, image.Height);
        var drawables = new Drawables().FillColor(new MagickColor(255, 255, 255, (byte)_random.Next(120, 220))).StrokeColor(MagickColors.Transparent);
        for (var patch = 0; patch < _random.Next(1, 3); patch++)
        {
            var x = _random.NextDouble() * image.Width;
            var y = image.Height * (0.4 + _random.NextDouble() * 0.6);
            drawables.Ellipse(x, y, image.Width * (0.05 + _random.NextDouble() * 0.15), image.Height * (0.04 + _random.NextDouble() * 0.1), 0, 360);
        }
        drawables.Draw(overlay);
        overlay.GaussianBlur(0, image.Width * 0.02);
        image.Composite(overlay, CompositeOperator.Over);
        notes.Add("glare");
    }

    /// <summary>A photograph taken at a slant: each corner moved inwards or outwards by up to 6% of the size.</summary>
    private void Perspective(MagickImage image, List<string> notes)
    {
        var (width, height) = ((double)image.Width, (double)image.Height);
        double Shift(double size) => (_random.NextDouble() * 2 - 1) * 0.06 * size;
        double[] corners = [0, 0, width, 0, width, height, 0, height];
        var arguments = new double[16];
        for (var i = 0; i < 4; i++)
        {
            (arguments[i * 4], arguments[i * 4 + 1]) = (corners[i * 2], corners[i * 2 + 1]);
            (arguments[i * 4 + 2], arguments[i * 4 + 3]) = (corners[i * 2] + Shift(width), corners[i * 2 + 1] + Shift(height));
        }
        image.VirtualPixelMethod = VirtualPixelMethod.Edge;
        image.Distort(DistortMethod.Perspective, arguments);
        image.ResetPage();
        notes.Add("perspective");
    }

    /// <summary>A lamp's hard reflection on the laminate: a small near-white blob in the lower half, where the zone is.</summary>
    private void Specular(MagickImage image, List<string> notes)
    {
        using var overlay = new MagickImage(MagickColors.Transparent, image.Width, image.Height);
        var radius = image.Width * (0.03 + _random.NextDouble() * 0.05);
        new Drawables().FillColor(new MagickColor(255, 255, 255, (byte)_random.Next(200, 246))).StrokeColor(MagickColors.Transparent)
            .Ellipse(_random.NextDouble() * image.Width, image.Height * (0.6 + _random.NextDouble() * 0.35), radius * 1.6, radius, 0, 360)
            .Draw(overlay);
        overlay.GaussianBlur(0, radius * 0.25);
        image.Composite(overlay, CompositeOperator.Over);
        notes.Add("specular");
    }

    /// <summary>Light falling off across the document: a shadow darkening one side by up to 40%.</summary>
    private void UnevenLight(MagickImage image, List<string> notes)
    {
        var depth = 0.15 + _random.NextDouble() * 0.25;
        using var shade = new MagickImage($"gradient:gray{(int)(100 - depth * 100)}-white", image.Width, image.Height);
        if (_random.Next(2) == 0)
            shade.Rotate(90 * _random.Next(1, 4));
        shade.Resize(new MagickGeometry(image.Width, image.Height) { IgnoreAspectRatio = true });
        image.Composite(shade, CompositeOperator.Multiply);
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"shadow {depth:F2}"));
    }

    /// <summary>Turns the pixels the opposite way to the EXIF orientation, so that applying it makes them upright again.</summary>
    private static void StoreTurned(MagickImage image, ushort orientation)
    {
        switch (orientation)
        {
            case 3:
                image.Rotate(180);
                break;
            case 6:
                image.Rotate(-90);
                break;
            case 8:
                image.Rotate(90);
                break;
        }
    }
}
