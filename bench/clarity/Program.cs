using ImageMagick;
using Raytio.Clarity.Bench;
using Raytio.Clarity.Tests.Documents;

var mode = args.Length > 0 ? args[0] : "accuracy";
switch (mode)
{
    case "samples":
        var directory = args.Length > 1 ? args[1] : "clarity-samples";
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
    case "accuracy":
        var perKind = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
        await AccuracyRun.RunAsync(perKind, seed: 2026);
        break;
    case "debug":
        var debugRandom = new Random(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        var generated = DocumentGenerator.Generate(Enum.Parse<DocumentKind>(args[2]), debugRandom, Distortion.Random(debugRandom, args[3] == "noisy"));
        using (var source = new MagickImage(generated.Jpeg))
        {
            await File.WriteAllBytesAsync("/tmp/debug-source.jpg", generated.Jpeg);
            using var prepared = Raytio.Clarity.Preparation.PagePreparer.Prepare(source);
            Console.WriteLine($"source {source.Width}x{source.Height} skew {prepared.SkewDegrees} page {prepared.Gray.Width}x{prepared.Gray.Height}");
            await File.WriteAllBytesAsync("/tmp/debug-page.pgm", prepared.ToOcrInput());
            using (var median = (MagickImage)prepared.Gray.Clone())
            {
                median.MedianFilter(3);
                await File.WriteAllBytesAsync("/tmp/debug-median.pgm", median.ToByteArray(MagickFormat.Pgm));
            }
            using (var blur = (MagickImage)prepared.Gray.Clone())
            {
                blur.GaussianBlur(0, 1.0);
                await File.WriteAllBytesAsync("/tmp/debug-blur.pgm", blur.ToByteArray(MagickFormat.Pgm));
            }
            using var preview = (MagickImage)prepared.Gray.Clone();
            preview.Resize(new MagickGeometry(900, 900));
            await preview.WriteAsync("/tmp/debug-page.png", MagickFormat.Png);
        }
        break;
    case "locate":
        await AccuracyRun.LocateAsync(Enum.Parse<DocumentKind>(args[1]), args[2]);
        break;
    default:
        Console.Error.WriteLine("usage: samples DIR | accuracy [IMAGES_PER_KIND_AND_CONDITION]");
        return 1;
}
return 0;
