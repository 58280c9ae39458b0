using ImageMagick;
using Raytio.Clarity.Extraction;
using Raytio.Clarity.Models;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Tests.Documents;
using Xunit.Abstractions;

namespace Raytio.Clarity.Tests.Extraction;

/// <summary>
/// The CI-sized accuracy run: 4 clean and 4 noisy seeded images of each layout through the shipped
/// models. Its floors guard against regressions; the targets (98% clean, 90% noisy) and the
/// 300-image figures are in docs/CLARITY.md (bench/clarity `accuracy 50`).
/// </summary>
public class GeneratedDocumentAccuracyTests(ITestOutputHelper output)
{
    private const int PerLayout = 4;

    [Theory]
    [InlineData(false, 0.95)]
    [InlineData(true, 0.9)]
    public async Task Shipped_models_read_generated_documents(bool noisy, double floor)
    {
        MagickNET.SetRandomSeed(2026);
        var engine = new TesseractEngine();
        var extractor = new ClarityExtractor(engine, new MrzReader(engine));
        var random = new Random(noisy ? 202 : 101);
        int exact = 0, total = 0;
        foreach (var (kind, file) in new[]
                 {
                     (DocumentKind.NzPassport, "nz_passport.json"), (DocumentKind.NzDriverLicence, "nz_driver_licence.json"),
                     (DocumentKind.CommunityServicesCard, "nz_community_services_card.json"),
                 })
        {
            var model = ShippedModels.All.Single(m => m.File == file).Model;
            for (var i = 0; i < PerLayout; i++)
            {
                var document = DocumentGenerator.Generate(kind, random, Distortion.Random(random, noisy));
                using var image = new MagickImage(document.Jpeg);
                total += document.Fields.Count;
                try
                {
                    var extraction = await extractor.ExtractAsync(model, image, new DateOnly(2026, 11, 28), CancellationToken.None);
                    exact += document.Fields.Count(f => string.Join(' ', extraction.Text[f.Key]) == f.Value);
                }
                catch (AnchorsNotFoundException e)
                {
                    output.WriteLine($"{kind} #{i}: {e.Message}");
                }
            }
        }
        output.WriteLine($"{exact}/{total} exact fields");
        Assert.True(exact >= floor * total, $"{exact}/{total} exact fields, below {floor:P0}");
    }
}
