using ImageMagick;
using Raytio.Clarity.Diagnostics;
using Raytio.Clarity.Extraction;
using Raytio.Clarity.Layout;
using Raytio.Clarity.Models;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Preparation;

namespace Raytio.Clarity.Bench;

/// <summary>
/// Shows how a model reads one image, for whoever tunes a model or looks into a miss: the
/// preparation, every place each anchor was read, the frame chosen, and the words in reading lines
/// with their frame coordinates.
/// </summary>
public static class InspectRun
{
    public static async Task RunAsync(string modelFile, string imagePath)
    {
        var model = ShippedModels.All.Single(m => m.File == modelFile).Model;
        using var image = new MagickImage(imagePath);
        var page = PagePreparer.Prepare(image);
        Console.WriteLine($"upload {image.Width}x{image.Height}; page {page.Gray.Width}x{page.Gray.Height}, scale {page.Transform.Scale:F3}, "
            + $"skew {page.SkewDegrees:F2}, noise {page.NoiseSigma:F2}, median {page.Denoised}");
        var words = await new TesseractEngine().ReadWordsAsync(page.Gray, ClarityExtractor.OcrOptions, CancellationToken.None);
        var lines = PhraseFinder.Lines(words);
        Console.WriteLine($"anchor A '{model.AnchorA}': {string.Join(", ", PhraseFinder.Find(lines, model.AnchorA))}");
        Console.WriteLine($"anchor C '{model.AnchorC}': {string.Join(", ", PhraseFinder.Find(lines, model.AnchorC))}");
        var located = FrameLocator.Locate(model, lines);
        Console.WriteLine($"frame: {located?.Frame} misfit {located?.Misfit:F3}");
        foreach (var line in lines)
            Console.WriteLine(string.Join("  ", line.Select(w =>
            {
                var place = located?.Frame.ToFrame(w.Box.CenterX, w.Box.CenterY);
                return place is { } p ? $"{w.Text}({p.X:F2},{p.Y:F2})" : w.Text;
            })));
        if (located is null)
            return;
        foreach (var (name, box) in model.MrzComponents)
        {
            using var crop = UploadCrops.Cut(image, page.Transform, located.Frame, box, margin: 0.2, extraAbove: box.Height);
            if (crop is not null)
                await crop.WriteAsync($"{imagePath}.{name}.png", MagickFormat.Png);
        }
        var engine = new TesseractEngine();
        var timings = new StageTimings();
        var extraction = await new ClarityExtractor(engine, new MrzReader(engine)).ExtractAsync(model, image, DateOnly.FromDateTime(DateTime.UtcNow),
            CancellationToken.None, timings);
        foreach (var (name, read) in extraction.Text)
            Console.WriteLine($"{name}: {string.Join(' ', read)}");
        if (extraction.Mrz is { } mrz)
            Console.WriteLine($"mrz {mrz.Format} valid {mrz.Valid}: {string.Join(" / ", mrz.Lines)}");
        else if (model.MrzComponents.Count > 0)
            Console.WriteLine("mrz: none found");
        Console.WriteLine("stages (ms): " + string.Join(", ", timings.Milliseconds.Select(t => $"{t.Key} {t.Value:F0}")));
    }
}
