using Raytio.Clarity.Imaging;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Tests.Mrz.Generation;
using Xunit.Abstractions;

namespace Raytio.Clarity.Tests.Mrz;

/// <summary>
/// The reader on a small seeded corpus of generated documents (the full run of 300 is
/// bench/mrz/run.sh, its figures in docs/MRZ.md). Clean and degraded images (perspective,
/// rotation, glare, shadow, 275-pixel scans, blur, noise, JPEG, EXIF turns) must stay above
/// floors just under the figures measured; and no reading may ever be reported valid with a
/// field under a check digit wrong.
/// </summary>
public class MrzReaderAccuracyTests(ITestOutputHelper output)
{
    private const int ImagesPerKind = 12;
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public async Task Reads_generated_documents_and_never_vouches_for_a_wrong_field()
    {
        var generator = new MrzImageGenerator(seed: 1303, Today);
        var decoder = new ImageDecoder();
        var reader = new MrzReader(new TesseractEngine());
        var clean = new MrzScore();
        var degraded = new MrzScore();
        for (var i = 0; i < ImagesPerKind * 2; i++)
        {
            var sample = generator.Next(degraded: i % 2 == 1);
            using var image = await decoder.DecodeAsync(sample.Data, CancellationToken.None);
            var reading = await reader.ReadAsync(image, Today, CancellationToken.None);
            (i % 2 == 1 ? degraded : clean).Add(sample, reading);
        }

        output.WriteLine($"clean: {clean}; degraded: {degraded}");
        Assert.True(clean.CharacterAccuracy >= CleanCharacterFloor && clean.FieldAccuracy >= CleanFieldFloor, $"clean: {clean}");
        Assert.True(degraded.CharacterAccuracy >= DegradedCharacterFloor && degraded.FieldAccuracy >= DegradedFieldFloor, $"degraded: {degraded}");
        Assert.Equal(0, clean.FalselyValid + degraded.FalselyValid);
    }

    // Floors just under the figures measured on this corpus (2026-11-28: clean 93.9% / 91.7%,
    // degraded 79.6% / 74.2%); the targets for real specimens are 95% / 90% (docs/MRZ.md).
    private const double CleanCharacterFloor = 0.93;
    private const double CleanFieldFloor = 0.90;
    private const double DegradedCharacterFloor = 0.78;
    private const double DegradedFieldFloor = 0.72;
}
