using ImageMagick;
using Raytio.Clarity.Models;
using Raytio.Clarity.Preparation;

namespace Raytio.Clarity.Extraction;

/// <summary>
/// Cuts a component's box out of the upload itself, upright and at the upload's resolution: the
/// box's corners are taken from the frame to the prepared page and back through the page's
/// transform, the region around them is cut, then turned by the page's deskew and the frame's
/// residual turn together and trimmed to the box. Only the region is turned, never a colour copy
/// of the whole page.
/// </summary>
public static class UploadCrops
{
    /// <summary>Below this the crop is left as cut: turning it would only blur it.</summary>
    private const double MinTurnDegrees = 0.5;

    /// <param name="margin">Frame units added on every side of the box.</param>
    /// <param name="extraAbove">Frame units added above the box besides the margin.</param>
    /// <returns>The crop (the caller disposes it), or null when the box lies off the upload.</returns>
    public static MagickImage? Cut(MagickImage upload, PageTransform transform, DocumentFrame frame, FrameBox box, double margin, double extraAbove = 0)
    {
        var grown = new FrameBox(box.X1 - margin, box.Y1 - margin - extraAbove, box.X2 + margin, box.Y2 + margin);
        var corners = new[] { (grown.X1, grown.Y1), (grown.X2, grown.Y1), (grown.X1, grown.Y2), (grown.X2, grown.Y2) }
            .Select(c => frame.ToPixels(c.Item1, c.Item2))
            .Select(p => transform.Unmap(p.X, p.Y))
            .ToList();
        var left = Math.Max(0, (int)Math.Floor(corners.Min(c => c.X)));
        var top = Math.Max(0, (int)Math.Floor(corners.Min(c => c.Y)));
        var right = Math.Min((int)upload.Width, (int)Math.Ceiling(corners.Max(c => c.X)));
        var bottom = Math.Min((int)upload.Height, (int)Math.Ceiling(corners.Max(c => c.Y)));
        if (right - left < 2 || bottom - top < 2)
            return null;
        var crop = (MagickImage)upload.CloneArea(new MagickGeometry(left, top, (uint)(right - left), (uint)(bottom - top)));
        crop.ResetPage();
        var turnDegrees = transform.RotationDegrees - frame.RotationRadians * 180 / Math.PI;
        if (Math.Abs(turnDegrees) < MinTurnDegrees)
            return crop;
        using (crop)
        {
            var turned = PixelRaster.From(crop).Rotate(turnDegrees);
            var pixelsPerUnit = frame.PixelsPerUnit / transform.Scale;
            var width = (int)Math.Max(2, Math.Min(turned.Width, Math.Round(grown.Width * pixelsPerUnit)));
            var height = (int)Math.Max(2, Math.Min(turned.Height, Math.Round(grown.Height * pixelsPerUnit)));
            return turned.Crop((turned.Width - width) / 2, (turned.Height - height) / 2, width, height)?.ToMagickImage();
        }
    }
}
