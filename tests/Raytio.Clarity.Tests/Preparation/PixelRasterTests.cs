using Raytio.Clarity.Preparation;

namespace Raytio.Clarity.Tests.Preparation;

/// <summary>Turning a page in memory, where <see cref="PageTransform"/> says its pixels go, and measuring its noise.</summary>
public class PixelRasterTests
{
    [Theory]
    [InlineData(30)]
    [InlineData(-7.5)]
    [InlineData(90)]
    public void A_turned_page_has_each_pixel_where_the_transform_maps_it(double degrees)
    {
        var page = White(121, 61);
        page.Pixels[10 * 121 + 100] = 0;

        var turned = page.Rotate(degrees);

        var transform = new PageTransform(1, degrees, 121, 61, turned.Width, turned.Height);
        var (x, y) = transform.Map(100, 10);
        var darkest = Enumerable.Range(-1, 3).SelectMany(dy => Enumerable.Range(-1, 3).Select(dx => turned.Pixels[((int)Math.Round(y) + dy) * turned.Width + (int)Math.Round(x) + dx])).Min();
        Assert.True(darkest < 160, $"the dot should be at ({x:F1}, {y:F1})");
        Assert.Equal(255, turned.Pixels[0]);
        var (backX, backY) = transform.Unmap(x, y);
        Assert.Equal(100, backX, 6);
        Assert.Equal(10, backY, 6);
    }

    [Fact]
    public void A_crop_is_clipped_to_the_page_and_null_off_it()
    {
        var page = White(40, 30);

        Assert.Equal((10, 5), page.Crop(30, 25, 20, 20) is { } crop ? (crop.Width, crop.Height) : (0, 0));
        Assert.Null(page.Crop(45, 0, 10, 10));
        Assert.StartsWith("P5\n40 30\n255\n", System.Text.Encoding.ASCII.GetString(page.ToNetpbm()[..13]));
    }

    [Fact]
    public void A_shrunk_page_has_the_mean_of_the_area_each_pixel_covers()
    {
        // Columns 0-5 of a 6x3 page hold 0, 30, 60, 90, 120, 150; shrunk by 1.5 to 4x2.
        var page = new PixelRaster(6, 3, 1, [.. Enumerable.Range(0, 18).Select(i => (byte)(i % 6 * 30))]);

        var shrunk = page.Shrunk(4);

        Assert.Equal((4, 2), (shrunk.Width, shrunk.Height));
        // Output column 1 covers input columns 1.5-3: half of 30 and all of 60, weighted 1/3 and 2/3.
        Assert.Equal(new byte[] { 10, 50, 100, 140 }, shrunk.Pixels[..4]);
        Assert.Equal(shrunk.Pixels[..4], shrunk.Pixels[4..]);
        Assert.Same(page, page.Shrunk(6));
    }

    [Fact]
    public void Noise_is_measured_on_flat_areas_and_not_on_edges()
    {
        var random = new Random(3);
        var noisy = White(400, 300);
        var edges = White(400, 300);
        for (var i = 0; i < noisy.Pixels.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            noisy.Pixels[i] = (byte)Math.Clamp(Math.Round(180 + 8 * gaussian), 0, 255);
            // Black bars two pixels wide every ten: strokes, a fifth of the page.
            edges.Pixels[i] = (byte)(i % 400 % 10 < 2 ? 0 : 255);
        }

        Assert.InRange(NoiseEstimator.Sigma(noisy), 6, 10);
        Assert.True(NoiseEstimator.Sigma(edges) < PagePreparer.NoisySigma);
    }

    private static PixelRaster White(int width, int height) =>
        new(width, height, 1, Enumerable.Repeat((byte)255, width * height).ToArray());
}
