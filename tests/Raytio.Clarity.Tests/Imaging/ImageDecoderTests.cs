using ImageMagick;
using Raytio.Clarity.Imaging;

namespace Raytio.Clarity.Tests.Imaging;

public class ImageDecoderTests
{
    private readonly ImageDecoder _decoder = new();

    [Theory]
    [InlineData(MagickFormat.Jpeg)]
    [InlineData(MagickFormat.Png)]
    [InlineData(MagickFormat.Tiff)]
    public async Task Decodes_the_accepted_formats(MagickFormat format)
    {
        using var image = await _decoder.DecodeAsync(TestImages.Encoded(format), CancellationToken.None);

        Assert.Equal(120u, image.Width);
        Assert.Equal(60u, image.Height);
    }

    [Fact]
    public async Task Applies_the_EXIF_orientation()
    {
        // EXIF 6: the camera was turned a quarter; upright the picture is taller than wide.
        using var image = await _decoder.DecodeAsync(TestImages.JpegWithExifOrientation(6), CancellationToken.None);

        Assert.Equal((60u, 120u), (image.Width, image.Height));
        Assert.Equal(Orientation.TopLeft, image.Orientation);
        // The black left half is now the top half.
        using var pixels = image.GetPixels();
        Assert.True(pixels.GetPixel(30, 10).ToColor()!.R < 64);
        Assert.True(pixels.GetPixel(30, 110).ToColor()!.R > 192);
    }

    [Fact]
    public async Task Renders_the_first_page_of_a_PDF()
    {
        using var image = await _decoder.DecodeAsync(TestImages.Pdf(), CancellationToken.None);

        // 200 x 100 points at 200 dpi.
        Assert.InRange(image.Width, 550u, 560u);
        Assert.InRange(image.Height, 275u, 280u);
    }

    [Fact]
    public async Task Names_the_missing_command_when_PDF_cannot_be_rendered()
    {
        var decoder = new ImageDecoder(ImageLimits.Default, new PdfRasterizer("/nonexistent/pdftoppm"));

        var error = await Assert.ThrowsAsync<UnreadableImageException>(() => decoder.DecodeAsync(TestImages.Pdf(), CancellationToken.None));

        Assert.Contains("poppler-utils", error.Message);
    }

    [Fact]
    public async Task Refuses_what_is_not_an_image()
    {
        await Assert.ThrowsAsync<UnreadableImageException>(() => _decoder.DecodeAsync("hello, world"u8.ToArray(), CancellationToken.None));
        await Assert.ThrowsAsync<UnreadableImageException>(() => _decoder.DecodeAsync(Array.Empty<byte>(), CancellationToken.None));
        // SVG is an image to ImageMagick, but not to this decoder.
        await Assert.ThrowsAsync<UnreadableImageException>(() =>
            _decoder.DecodeAsync("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray(), CancellationToken.None));
    }

    [Fact]
    public async Task Refuses_a_damaged_image()
    {
        byte[] damaged = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8];

        await Assert.ThrowsAsync<UnreadableImageException>(() => _decoder.DecodeAsync(damaged, CancellationToken.None));
    }

    [Fact]
    public async Task Refuses_a_decompression_bomb_from_its_header()
    {
        var bomb = TestImages.PngBomb(50_000, 50_000);
        Assert.True(bomb.Length < 100_000);

        var error = await Assert.ThrowsAsync<ImageTooLargeException>(() => _decoder.DecodeAsync(bomb, CancellationToken.None));

        Assert.Contains("50000x50000", error.Message);
    }

    [Fact]
    public async Task Refuses_an_area_over_the_limit_even_within_the_side_limits()
    {
        var decoder = new ImageDecoder(new ImageLimits(MaxPixels: 5_000), new PdfRasterizer());

        await Assert.ThrowsAsync<ImageTooLargeException>(() => decoder.DecodeAsync(TestImages.Encoded(MagickFormat.Png), CancellationToken.None));
    }

    [Fact]
    public async Task Refuses_a_file_over_the_byte_limit()
    {
        var decoder = new ImageDecoder(new ImageLimits(MaxBytes: 100), new PdfRasterizer());

        await Assert.ThrowsAsync<ImageTooLargeException>(() => decoder.DecodeAsync(TestImages.Encoded(MagickFormat.Png), CancellationToken.None));
    }
}
