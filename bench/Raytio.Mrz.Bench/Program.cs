using System.Diagnostics;
using System.Globalization;
using Raytio.Clarity.Imaging;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Tests.Mrz.Generation;

// Usage: generate COUNT DIR [SEED] | read FILE... | score DIR | accuracy COUNT [SEED] [--verbose] [--degraded-only]
// (score reads the images `generate` wrote; ImageMagick's noise is seeded with SEED, so a generation is the same from run to run)
// (MRZ_ONLY=N reads image N alone, for looking into one case; --degraded-only skips the clean half)
var command = args.FirstOrDefault() ?? "accuracy";
var count = args.Length > 1 && command is not ("read" or "score") ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var seed = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var s) ? s : 2026;
var verbose = args.Contains("--verbose");
var degradedOnly = args.Contains("--degraded-only");
var today = new DateOnly(2026, 11, 28);
ImageMagick.MagickNET.SetRandomSeed((ulong)seed);

if (command == "generate")
{
    var output = args.Length > 2 ? args[2] : "mrz-samples";
    Directory.CreateDirectory(output);
    var generatorSeed = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2026;
    ImageMagick.MagickNET.SetRandomSeed((ulong)generatorSeed);
    var generator = new MrzImageGenerator(generatorSeed, today);
    for (var i = 0; i < count; i++)
    {
        var sample = generator.Next(degraded: i % 2 == 1);
        File.WriteAllBytes(Path.Combine(output, $"{i:D3}.{(i % 2 == 1 ? "jpg" : "png")}"), sample.Data);
        File.WriteAllLines(Path.Combine(output, $"{i:D3}.txt"), [.. sample.Lines, sample.Description]);
    }
    return;
}

var decoder = new ImageDecoder();
var reader = new MrzReader(new TesseractEngine());
if (command == "score")
{
    var fileScores = new Dictionary<bool, MrzScore> { [false] = new(), [true] = new() };
    foreach (var truthFile in Directory.GetFiles(args[1], "*.txt").Order())
    {
        var text = await File.ReadAllLinesAsync(truthFile);
        var lines = text[..^1];
        var imageFile = Directory.GetFiles(args[1], Path.GetFileNameWithoutExtension(truthFile) + ".*").Single(f => !f.EndsWith(".txt", StringComparison.Ordinal));
        var truth = MrzParser.Parse(lines, today)!;
        var sample = new SyntheticMrzImage(truth.Format, truth.Fields, lines, [], text[^1]);
        using var image = await decoder.DecodeAsync(await File.ReadAllBytesAsync(imageFile), CancellationToken.None);
        var reading = await reader.ReadAsync(image, today, CancellationToken.None);
        var degradedImage = imageFile.EndsWith(".jpg", StringComparison.Ordinal);
        var falselyValidBefore = fileScores[degradedImage].FalselyValid;
        if (!fileScores[degradedImage].Add(sample, reading))
        {
            Console.WriteLine($"{Path.GetFileName(imageFile)} {sample.Description}");
            Console.WriteLine($"  truth {string.Join(" / ", lines)}");
            Console.WriteLine($"  read  {(reading is null ? "(none)" : string.Join(" / ", reading.Lines) + $" valid={reading.Valid}")}{(fileScores[degradedImage].FalselyValid > falselyValidBefore ? " FALSELY VALID" : "")}");
        }
    }
    Console.WriteLine($"clean:    {fileScores[false]}");
    Console.WriteLine($"degraded: {fileScores[true]}");
    return;
}

if (command == "read")
{
    foreach (var path in args.Skip(1))
    {
        using var image = await decoder.DecodeAsync(await File.ReadAllBytesAsync(path), CancellationToken.None);
        var reading = await reader.ReadAsync(image, today, CancellationToken.None);
        Console.WriteLine($"{path}: {(reading is null ? "(none)" : string.Join(" / ", reading.Lines) + $" valid={reading.Valid}")}");
    }
    return;
}
var scores = new Dictionary<bool, MrzScore> { [false] = new(), [true] = new() };
var generatorForRun = new MrzImageGenerator(seed, today);
var operation = new List<double>();
var raw = new List<double>();
var temporary = Path.Combine(Path.GetTempPath(), $"mrz-bench-{Environment.ProcessId}");
Directory.CreateDirectory(temporary);
var only = Environment.GetEnvironmentVariable("MRZ_ONLY") is { } o ? int.Parse(o, CultureInfo.InvariantCulture) : -1;
for (var i = 0; i < count; i++)
{
    var degraded = i % 2 == 1;
    var sample = generatorForRun.Next(degraded);
    if ((only >= 0 && i != only) || (degradedOnly && !degraded))
        continue;
    var watch = Stopwatch.StartNew();
    using (var image = await decoder.DecodeAsync(sample.Data, CancellationToken.None))
    {
        var reading = await reader.ReadAsync(image, today, CancellationToken.None);
        operation.Add(watch.Elapsed.TotalMilliseconds);
        var falselyValidBefore = scores[degraded].FalselyValid;
        var exact = scores[degraded].Add(sample, reading);
        if (verbose && !exact)
        {
            Console.WriteLine($"#{i} {sample.Description}");
            Console.WriteLine($"  truth {string.Join(" / ", sample.Lines)}");
            Console.WriteLine($"  read  {(reading is null ? "(none)" : string.Join(" / ", reading.Lines) + $" valid={reading.Valid}")}{(scores[degraded].FalselyValid > falselyValidBefore ? " FALSELY VALID" : "")}");
        }
    }
    var file = Path.Combine(temporary, $"{i}.{(degraded ? "jpg" : "png")}");
    await File.WriteAllBytesAsync(file, sample.Data);
    raw.Add(await RawTesseractMillisecondsAsync(file));
    File.Delete(file);
}
Directory.Delete(temporary, recursive: true);

Console.WriteLine($"clean:    {scores[false]}");
Console.WriteLine($"degraded: {scores[true]}");
var all = operation.Sum() / raw.Sum();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"time per image: MRZ operation median {Median(operation):F0} ms (mean {operation.Average():F0}), raw tesseract median {Median(raw):F0} ms (mean {raw.Average():F0}); ratio of totals {all:F2}"));
Console.WriteLine($"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

// The baseline: the command a user would run, on the same file, timed the same way.
static async Task<double> RawTesseractMillisecondsAsync(string file)
{
    var watch = Stopwatch.StartNew();
    var info = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true };
    info.ArgumentList.Add(file);
    info.ArgumentList.Add("-");
    info.Environment["OMP_THREAD_LIMIT"] = "1";
    using var process = Process.Start(info)!;
    await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return watch.Elapsed.TotalMilliseconds;
}
