using System.Diagnostics;
using ImageMagick;
using Raytio.Clarity.Diagnostics;
using Raytio.Clarity.Extraction;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Tests.Documents;

namespace Raytio.Clarity.Bench;

/// <summary>
/// Time per image of extraction (decode, prepare, one OCR run, components), after one extraction
/// and one raw run to warm up, the time of each stage against the raw
/// `tesseract IMAGE stdout tsv` command on the same file in the same run, alternating which goes
/// first; then throughput with two extractions at once, and the process's peak memory.
/// </summary>
public static class SpeedRun
{
    public static async Task RunAsync(int count)
    {
        var engine = new TesseractEngine();
        var extractor = new ClarityExtractor(engine, new MrzReader(engine));
        var model = ShippedModelsByKind.For(DocumentKind.NzDriverLicence);
        var today = new DateOnly(2026, 11, 28);
        var random = new Random(11);
        var images = Enumerable.Range(0, count)
            .Select(_ => DocumentGenerator.Generate(DocumentKind.NzDriverLicence, random, Distortion.Random(random, noisy: false)).Jpeg).ToList();
        // A server reads with engines it initialised at its first request: one extraction and
        // one raw run, not timed, so neither side's first-use cost (loading the library and its
        // model, JIT, the page cache) counts.
        var warmUp = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, new Random(12), Distortion.None).Jpeg;
        using (var image = new MagickImage(warmUp))
            await extractor.ExtractAsync(model, image, today, CancellationToken.None);
        var directory = Directory.CreateTempSubdirectory("clarity-speed");
        var warmUpPath = Path.Combine(directory.FullName, "warm-up.jpg");
        await File.WriteAllBytesAsync(warmUpPath, warmUp);
        await RunTesseractAsync(warmUpPath);
        var raw = new List<double>();
        var extract = new List<double>();
        for (var i = 0; i < images.Count; i++)
        {
            var path = Path.Combine(directory.FullName, $"{i}.jpg");
            await File.WriteAllBytesAsync(path, images[i]);
            async Task Raw() => raw.Add(await TimeAsync(() => RunTesseractAsync(path)));
            async Task Extract() => extract.Add(await TimeAsync(async () =>
            {
                using var image = new MagickImage(images[i]);
                await extractor.ExtractAsync(model, image, today, CancellationToken.None);
            }));
            if (i % 2 == 0)
            {
                await Raw();
                await Extract();
            }
            else
            {
                await Extract();
                await Raw();
            }
        }
        Console.WriteLine($"images: {count} generated driver licences (0.5x-2x, up to 10 degrees, clean)");
        Console.WriteLine($"raw tesseract: median {Median(raw):F0} ms, mean {raw.Average():F0} ms");
        Console.WriteLine($"extraction:    median {Median(extract):F0} ms, mean {extract.Average():F0} ms");
        Console.WriteLine($"ratio of means: {extract.Average() / raw.Average():F2}");

        // Where extraction's time goes: each stage as extraction itself records it, decoding timed here.
        var stages = new StageTimings();
        foreach (var bytes in images)
        {
            using var image = stages.Time("decode", () => new MagickImage(bytes));
            await extractor.ExtractAsync(model, image, today, CancellationToken.None, stages);
        }
        Console.WriteLine("stages, mean ms per image: " + string.Join(", ",
            stages.Milliseconds.Select(s => $"{s.Key} {s.Value / images.Count:F0}")));

        var watch = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < images.Count)
            {
                using var image = new MagickImage(images[index]);
                await extractor.ExtractAsync(model, image, today, CancellationToken.None);
            }
        }));
        Console.WriteLine($"2 concurrent extractions: {images.Count / watch.Elapsed.TotalSeconds:F2} images/s");
        Console.WriteLine($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        directory.Delete(recursive: true);
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task RunTesseractAsync(string path)
    {
        var info = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { path, "stdout", "tsv" })
            info.ArgumentList.Add(argument);
        info.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(info)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
