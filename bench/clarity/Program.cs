using System.Globalization;
using ImageMagick;
using Raytio.Clarity.Bench;
using Raytio.Clarity.Tests.Documents;

// Clarity benchmarks (docs/CLARITY.md, docs/BENCHMARKS.md):
//   accuracy [N [DIR]] N clean and N noisy generated images per layout with the shipped models; missed images saved in DIR
//   inspect MODEL IMG  how a shipped model (its file name) reads an image: anchors, frame, words in frame coordinates
//   speed [N]          time per image: extraction against raw tesseract on the same file; 2 concurrent; peak memory
//   same-words [N]     whether the in-process library reads N prepared pages word for word as the tesseract command does
//   train-shipped DIR  retrain the shipped models
//   samples DIR        write a few generated images (JPEG and PNG previews)
var mode = args.Length > 0 ? args[0] : "accuracy";
int Count(int fallback) => args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : fallback;
MagickNET.SetRandomSeed(2026);
switch (mode)
{
    case "accuracy":
        await AccuracyRun.RunAsync(Count(50), seed: 2026, args.Length > 2 ? args[2] : null);
        break;
    case "same-words":
        await SameWordsRun.RunAsync(Count(8));
        break;
    case "speed":
        await SpeedRun.RunAsync(Count(20));
        break;
    case "inspect":
        await InspectRun.RunAsync(args[1], args[2]);
        break;
    case "train-shipped":
        await ShippedModelTraining.WriteAsync(args[1]);
        break;
    case "samples":
        var directory = args[1];
        Directory.CreateDirectory(directory);
        var random = new Random(7);
        foreach (var kind in Enum.GetValues<DocumentKind>())
            for (var i = 0; i < 2; i++)
            {
                var document = DocumentGenerator.Generate(kind, random, Distortion.Random(random, noisy: i == 1));
                await File.WriteAllBytesAsync(Path.Combine(directory, $"{kind}-{i}.jpg"), document.Jpeg);
                using var preview = new MagickImage(document.Jpeg);
                preview.Resize(new MagickGeometry(900, 900));
                await preview.WriteAsync(Path.Combine(directory, $"{kind}-{i}.png"), MagickFormat.Png);
            }
        break;
    default:
        Console.Error.WriteLine("usage: accuracy [N [DIR]] | inspect MODEL IMAGE | speed [N] | same-words [N] | train-shipped DIR | samples DIR");
        return 1;
}
return 0;
