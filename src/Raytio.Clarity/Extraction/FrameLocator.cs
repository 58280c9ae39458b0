using Raytio.Clarity.Layout;
using Raytio.Clarity.Models;
using Raytio.Clarity.Ocr;

namespace Raytio.Clarity.Extraction;

/// <summary>
/// Places a model's frame on a page from where its anchors were read. When an anchor's text is
/// read more than once, the pair whose A-to-C offset turns least from the model's and whose
/// anchor A is closest to the expected width wins.
/// </summary>
public static class FrameLocator
{
    /// <summary>Deskewing leaves little turn; a pair turned more than this is not the model's anchors.</summary>
    private const double MaxTurnDegrees = 20;

    /// <summary>Anchor A's width may differ this much (either way) from what the A-to-C distance predicts.</summary>
    private const double MaxWidthRatio = 2;

    public static LocatedFrame? Locate(ClarityModel model, IReadOnlyList<List<OcrWord>> lines)
    {
        var anchorsA = PhraseFinder.Find(lines, model.AnchorA);
        var anchorsC = PhraseFinder.Find(lines, model.AnchorC);
        LocatedFrame? best = null;
        foreach (var a in anchorsA)
            foreach (var c in anchorsC)
            {
                if (a == c)
                    continue;
                var (dx, dy) = ((double)c.Right - a.Left, (double)c.Bottom - a.Top);
                var length = Math.Sqrt(dx * dx + dy * dy);
                if (length < 1)
                    continue;
                var scale = length / model.Norm.Length;
                var turn = Math.IEEERemainder(Math.Atan2(dy, dx) - model.Norm.Direction, 2 * Math.PI);
                var widthRatio = a.Width / (scale * model.Norm.Unit);
                if (Math.Abs(turn) * 180 / Math.PI > MaxTurnDegrees || widthRatio > MaxWidthRatio || widthRatio < 1 / MaxWidthRatio)
                    continue;
                var misfit = Math.Abs(turn) * 180 / Math.PI / 5 + Math.Abs(Math.Log(widthRatio));
                if (best is null || misfit < best.Misfit)
                    best = new LocatedFrame(new DocumentFrame(a.Left, a.Top, scale * model.Norm.Unit, turn), misfit);
            }
        return best;
    }
}

/// <summary>A frame and how badly its anchors fit the model (0 is a perfect fit).</summary>
public sealed record LocatedFrame(DocumentFrame Frame, double Misfit);
