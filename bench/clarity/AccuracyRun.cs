using System.Diagnostics;
using ImageMagick;
using Raytio.Clarity.Extraction;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Tests.Documents;
using Raytio.Clarity.Training;

namespace Raytio.Clarity.Bench;

/// <summary>Trains each layout on one clean image, then scores exact fields on generated clean and noisy images.</summary>
public static class AccuracyRun
{
    public static async Task RunAsync(int perKind, int seed)
    {
        var engine = new TesseractEngine();
        var trainer = new ClarityTrainer(engine);
        var extractor = new ClarityExtractor(engine);
        var random = new Random(seed);
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var model = await TrainAsync(trainer, kind, random);
            Console.WriteLine(Models.ClarityModelJson.Write(model).ToJsonString());
            foreach (var noisy in new[] { false, true })
            {
                int exact = 0, total = 0;
                var watch = Stopwatch.StartNew();
                var misses = new List<string>();
                for (var i = 0; i < perKind; i++)
                {
                    var distortion = Distortion.Random(random, noisy);
                    var document = DocumentGenerator.Generate(kind, random, distortion);
                    using var image = new MagickImage(document.Jpeg);
                    Models.ClarityModel m = model;
                    ClarityExtraction extraction;
                    try
                    {
                        extraction = await extractor.ExtractAsync(m, image, CancellationToken.None);
                    }
                    catch (AnchorsNotFoundException e)
                    {
                        total += document.Fields.Count;
                        misses.Add($"#{i} {e.Message} {distortion}");
                        await File.WriteAllBytesAsync($"/tmp/fail-{kind}-{i}.jpg", document.Jpeg);
                        continue;
                    }
                    foreach (var (name, expected) in document.Fields)
                    {
                        total++;
                        var read = string.Join(' ', extraction.Text[name]);
                        if (read == expected)
                            exact++;
                        else
                            misses.Add($"#{i} {name}: '{read}' != '{expected}'");
                    }
                }
                Console.WriteLine($"{kind} {(noisy ? "noisy" : "clean")}: {exact}/{total} = {100.0 * exact / total:F1}% exact, {watch.Elapsed.TotalMilliseconds / perKind:F0} ms/image");
                foreach (var miss in misses.Take(12))
                    Console.WriteLine($"  {miss}");
            }
        }
    }

    public static async Task LocateAsync(DocumentKind kind, string path)
    {
        var engine = new TesseractEngine();
        var model = await TrainAsync(new ClarityTrainer(engine), kind, new Random(1));
        Console.WriteLine(Models.ClarityModelJson.Write(model).ToJsonString());
        using var image = new MagickImage(path);
        using var page = Preparation.PagePreparer.Prepare(image);
        Console.WriteLine($"skew {page.SkewDegrees} {page.Gray.Width}x{page.Gray.Height}");
        await File.WriteAllBytesAsync("/tmp/locate.pgm", page.ToOcrInput());
        var words = await engine.ReadWordsAsync(page.ToOcrInput(), ClarityExtractor.OcrOptions, CancellationToken.None);
        var lines = Layout.PhraseFinder.Lines(words);
        foreach (var line in lines)
            Console.WriteLine(string.Join(" ", line.Select(w => $"{w.Text}@{w.Box.Left},{w.Box.Top},{w.Box.Width}x{w.Box.Height}")));
        Console.WriteLine("A: " + string.Join(" ", Layout.PhraseFinder.Find(lines, model.AnchorA)));
        Console.WriteLine("C: " + string.Join(" ", Layout.PhraseFinder.Find(lines, model.AnchorC)));
        Console.WriteLine(FrameLocator.Locate(model, lines));
    }

    private static async Task<Models.ClarityModel> TrainAsync(ClarityTrainer trainer, DocumentKind kind, Random random)
    {
        var layout = CardLayouts.For(kind);
        var document = DocumentGenerator.Generate(kind, random, Distortion.None);
        using var image = new MagickImage(document.Jpeg);
        var components = DocumentGenerator.Components(kind).Select(c => new TrainingComponent(
            c.Name, Enum.Parse<ComponentType>(c.Type, ignoreCase: true), c.Box.X, c.Box.Y, c.Box.X + c.Box.Width, c.Box.Y + c.Box.Height,
            c.Type == "table" ? layout.Table!.Cols : null,
            c.Type == "table" ? Enumerable.Repeat(1.0 / layout.Table!.Rows, layout.Table.Rows).ToList() : null)).ToList();
        var geometry = await trainer.TrainAsync(image, null, layout.AnchorA, layout.AnchorC, components, CancellationToken.None);
        return geometry.ToModel(kind.ToString(), new DateOnly(2020, 1, 1), refiner: layout.Refiner);
    }
}
