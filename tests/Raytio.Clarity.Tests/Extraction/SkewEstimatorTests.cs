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
        image.ColorType = ColorType.Grayscale;

        Assert.InRange(SkewEstimator.EstimateDegrees(PixelRaster.From(image)), degrees - 0.3, degrees + 0.3);
    }

    [Fact]
    public void A_blank_page_is_straight()
    {
        var page = new PixelRaster(300, 200, 1, Enumerable.Repeat((byte)255, 300 * 200).ToArray());
        Assert.Equal(0, SkewEstimator.EstimateDegrees(page));
    }
}
