using System.Diagnostics;
using ImageMagick;
using Raytio.Clarity.Extraction;
using Raytio.Clarity.Models;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Tests.Documents;

namespace Raytio.Clarity.Bench;

/// <summary>Scores exact fields on generated clean and noisy images of each layout with the shipped models.</summary>
public static class AccuracyRun
{
    public static async Task RunAsync(int perKind, int seed, string? missesDirectory)
    {
        var engine = new TesseractEngine();
        var extractor = new ClarityExtractor(engine, new MrzReader(engine));
        var random = new Random(seed);
        if (missesDirectory is not null)
            Directory.CreateDirectory(missesDirectory);
        var today = new DateOnly(2026, 11, 28);
        var totals = new Dictionary<bool, (int Exact, int Total)> { [false] = (0, 0), [true] = (0, 0) };
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var model = ShippedModelsByKind.For(kind);
            foreach (var noisy in new[] { false, true })
            {
                int exact = 0, total = 0, mrzValid = 0;
                var watch = Stopwatch.StartNew();
                var misses = new List<string>();
                for (var i = 0; i < perKind; i++)
                {
                    var distortion = Distortion.Random(random, noisy);
                    var document = DocumentGenerator.Generate(kind, random, distortion);
                    using var image = new MagickImage(document.Jpeg);
                    ClarityExtraction extraction;
                    try
                    {
                        extraction = await extractor.ExtractAsync(model, image, today, CancellationToken.None);
                    }
                    catch (AnchorsNotFoundException e)
                    {
                        total += document.Fields.Count;
                        misses.Add($"#{i} {e.Message} ({distortion})");
                        if (missesDirectory is not null)
                            await File.WriteAllBytesAsync(Path.Combine(missesDirectory, $"{kind}-{(noisy ? "noisy" : "clean")}-{i}.jpg"), document.Jpeg);
                        continue;
                    }
                    var missed = false;
                    foreach (var (name, expected) in document.Fields)
                    {
                        total++;
                        var read = string.Join(' ', extraction.Text[name]);
                        if (read == expected)
                            exact++;
                        else
                        {
                            misses.Add($"#{i} {name}: '{read}' != '{expected}'");
                            missed = true;
                        }
                    }
                    if (missed && missesDirectory is not null)
                        await File.WriteAllBytesAsync(Path.Combine(missesDirectory, $"{kind}-{(noisy ? "noisy" : "clean")}-{i}.jpg"), document.Jpeg);
                    if (extraction.Mrz is { Valid: true } reading && reading.Lines.SequenceEqual(document.MrzLines))
                        mrzValid++;
                }
                var mrz = kind == DocumentKind.NzPassport ? $", MRZ valid and exact {mrzValid}/{perKind}" : "";
                Console.WriteLine($"{kind} {(noisy ? "noisy" : "clean")}: {exact}/{total} = {100.0 * exact / total:F1}% exact fields{mrz}, "
                    + $"{watch.Elapsed.TotalMilliseconds / perKind:F0} ms/image");
                foreach (var miss in misses.Take(10))
                    Console.WriteLine($"  {miss}");
                totals[noisy] = (totals[noisy].Exact + exact, totals[noisy].Total + total);
            }
        }
        foreach (var (noisy, (exact, total)) in totals)
            Console.WriteLine($"all {(noisy ? "noisy" : "clean")}: {exact}/{total} = {100.0 * exact / total:F1}% exact fields");
    }
}
