using ImageMagick;
using Raytio.Clarity.Preparation;
using Raytio.Clarity.Tests.Documents;

namespace Raytio.Clarity.Tests.Extraction;

public class SkewEstimatorTests
{
    [Theory]
    [InlineData(DocumentKind.NzDriverLicence, 6.5)]
    [InlineData(DocumentKind.NzPassport, -9)]
    [InlineData(DocumentKind.CommunityServicesCard, 0)]
    public void Measures_the_turn_of_a_card_on_a_background(DocumentKind kind, double degrees)
    {
        var document = DocumentGenerator.Generate(kind, new Random(9), new Distortion(degrees, 0.8, Noisy: false, JpegQuality: 90));
        using var image = new MagickImage(document.Jpeg);

        Assert.InRange(SkewEstimator.EstimateDegrees(image), degrees - 0.3, degrees + 0.3);
    }

    [Fact]
    public void A_blank_page_is_straight()
    {
        using var image = new MagickImage(MagickColors.White, 300, 200);
        Assert.Equal(0, SkewEstimator.EstimateDegrees(image));
    }
}
