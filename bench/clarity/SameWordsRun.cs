using System.Diagnostics;
using System.Globalization;
using ImageMagick;
using Raytio.Clarity.Extraction;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Preparation;
using Raytio.Clarity.Tests.Documents;

namespace Raytio.Clarity.Bench;

/// <summary>
/// Whether the in-process library reads what the <c>tesseract</c> command reads: the speed
/// bench's pages (seed 11), prepared, read by the command from a PGM file with extraction's
/// options, and by <see cref="TesseractEngine"/> from the same PGM's bytes and from the pixels.
/// </summary>
public static class SameWordsRun
{
    public static async Task RunAsync(int count)
    {
        var engine = new TesseractEngine();
        var options = ClarityExtractor.OcrOptions;
        var random = new Random(11);
        var directory = Directory.CreateTempSubdirectory("clarity-same-words");
        var agreeing = 0;
        for (var i = 0; i < count; i++)
        {
            var jpeg = DocumentGenerator.Generate(DocumentKind.NzDriverLicence, random, Distortion.Random(random, noisy: false)).Jpeg;
            using var image = new MagickImage(jpeg);
            var page = PagePreparer.Prepare(image).Gray;
            var path = Path.Combine(directory.FullName, $"{i}.pgm");
            await File.WriteAllBytesAsync(path, page.ToNetpbm());
            var command = await CommandAsync(path, options);
            var fromFile = await engine.ReadWordsAsync(page.ToNetpbm(), options, CancellationToken.None);
            var fromPixels = await engine.ReadWordsAsync(page, options, CancellationToken.None);
            var same = command.SequenceEqual(fromFile) && command.SequenceEqual(fromPixels);
            agreeing += same ? 1 : 0;
            Console.WriteLine($"page {i} ({page.Width}x{page.Height}): command {command.Count} words, library {fromFile.Count} from PGM, {fromPixels.Count} from pixels: {(same ? "the same" : "DIFFERENT")}");
        }
        Console.WriteLine($"{agreeing}/{count} pages read alike, word for word (text, box, confidence, block, line)");
        directory.Delete(recursive: true);
    }

    private static async Task<IReadOnlyList<OcrWord>> CommandAsync(string path, TesseractOptions options)
    {
        var info = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { path, "stdout", "--psm", options.PageSegmentation.ToString(CultureInfo.InvariantCulture),
                     "--dpi", options.Dpi.ToString(CultureInfo.InvariantCulture), "-c", $"tessedit_char_whitelist={options.CharacterWhitelist}", "tsv" })
            info.ArgumentList.Add(argument);
        info.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return TesseractTsv.Parse(output);
    }
}
