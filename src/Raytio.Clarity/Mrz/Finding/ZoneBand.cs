using ImageMagick;
using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Mrz.Finding;

/// <summary>
/// A zone cut out of the page and made straight: its quadrilateral (perspective and rotation
/// included) mapped onto an upright rectangle in which a line is
/// <see cref="LineHeight"/> pixels tall, enlarging small scans and reducing large photos alike,
/// with where each traced line lies in it.
/// </summary>
public sealed class ZoneBand : IDisposable
{
    public const int LineHeight = 40;

    private ZoneBand(MagickImage image, IReadOnlyList<PixelBox> lines)
    {
        Image = image;
        Lines = lines;
    }

    public MagickImage Image { get; }

    /// <summary>The traced lines in the band, top to bottom, each <see cref="LineHeight"/> tall around its middle.</summary>
    public IReadOnlyList<PixelBox> Lines { get; }

    /// <param name="page">The grayscale page the zone was traced on, at full resolution.</param>
    /// <param name="scale">The traced page's pixels per pixel of <paramref name="page"/>.</param>
    public static ZoneBand Cut(MagickImage page, MrzZone zone, double scale)
    {
        var height = zone.Height;
        var spacing = zone.Spacing;
        // Room for a line the tracing lost (a TD1's third line): one spacing more above and below a zone of fewer than three lines.
        var extra = zone.Lines.Count < 3 ? spacing * (zone.Lines.Count == 1 ? 2 : 1) : 0;
        var (side, above, below) = (height * 1.5, height * 1.2 + extra, height * 1.2 + extra);
        var corners = zone.Corners(side, above, below).Select(c => (X: c.X / scale, Y: c.Y / scale)).ToArray();
        var zoom = LineHeight / (height / scale);
        var width = Math.Round((Distance(corners[0], corners[1]) + Distance(corners[3], corners[2])) / 2 * zoom);
        var bandHeight = Math.Round((Distance(corners[0], corners[3]) + Distance(corners[1], corners[2])) / 2 * zoom);
        double[] target = [0, 0, width, 0, width, bandHeight, 0, bandHeight];
        var arguments = new double[16];
        for (var i = 0; i < 4; i++)
            (arguments[i * 4], arguments[i * 4 + 1], arguments[i * 4 + 2], arguments[i * 4 + 3]) = (corners[i].X, corners[i].Y, target[i * 2], target[i * 2 + 1]);
        var image = (MagickImage)page.Clone();
        image.BackgroundColor = MagickColors.White;
        image.VirtualPixelMethod = VirtualPixelMethod.Background;
        image.Distort(new DistortSettings(DistortMethod.Perspective) { Viewport = new MagickGeometry(0, 0, (uint)width, (uint)bandHeight) }, arguments);
        image.HasAlpha = false;
        image.ResetPage();
        var (top, bottom) = (above * zoom / scale, bandHeight - below * zoom / scale);
        var left = (int)Math.Round(side * zoom / scale);
        var lines = Enumerable.Range(0, zone.Lines.Count).Select(i =>
        {
            var middle = zone.Lines.Count == 1 ? top : top + (bottom - top) * i / (zone.Lines.Count - 1);
            return new PixelBox(left, (int)Math.Round(middle - LineHeight / 2.0), (int)width - 2 * left, LineHeight);
        }).ToList();
        return new ZoneBand(image, lines);
    }

    /// <summary>The band turned half a turn, its lines with it.</summary>
    public ZoneBand UpsideDown()
    {
        var image = (MagickImage)Image.Clone();
        image.Rotate(180);
        image.ResetPage();
        var (width, height) = ((int)Image.Width, (int)Image.Height);
        var lines = Lines.Reverse().Select(l => new PixelBox(width - l.Right, height - l.Bottom, l.Width, l.Height)).ToList();
        return new ZoneBand(image, lines);
    }

    public void Dispose() => Image.Dispose();

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
