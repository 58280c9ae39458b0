using ImageMagick;
using Raytio.Clarity.Imaging;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Tests.Mrz.Generation;

namespace Raytio.Clarity.Tests.Mrz;

/// <summary>The reader on one document stored every way round: turned pixels, or upright pixels with an EXIF orientation to apply.</summary>
public class MrzReaderOrientationTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public async Task Reads_a_document_turned_any_quarter(int degrees)
    {
        var sample = new MrzImageGenerator(seed: 51, Today).Next(degraded: false);
        using var image = new MagickImage(sample.Data);
        image.Rotate(degrees);
        image.Format = MagickFormat.Png;

        var reading = await ReadAsync(image.ToByteArray());

        AssertFoundUpright(sample, reading);
    }

    [Fact]
    public async Task Applies_the_EXIF_orientation()
    {
        var sample = new MrzImageGenerator(seed: 52, Today).Next(degraded: false);
        using var image = new MagickImage(sample.Data);
        image.Rotate(-90);
        image.Format = MagickFormat.Jpeg;
        image.Quality = 92;

        var reading = await ReadAsync(ExifJpeg.WithOrientation(image.ToByteArray(), 6));

        AssertFoundUpright(sample, reading);
    }

    /// <summary>Found and read the right way up: the format and the line the check digits cover are exact (names are the accuracy tests' concern).</summary>
    private static void AssertFoundUpright(SyntheticMrzImage sample, MrzReading? reading)
    {
        Assert.NotNull(reading);
        Assert.Equal(sample.Format, reading.Format);
        var checkedLine = sample.Format == MrzFormat.TD1 ? 1 : sample.Lines.Count - 1;
        Assert.Equal(sample.Lines[checkedLine], reading.Lines[checkedLine]);
        Assert.True(reading.Checks.DocumentNumber && reading.Checks.DateOfBirth && reading.Checks.ExpiryDate);
    }

    private static async Task<MrzReading?> ReadAsync(byte[] data)
    {
        using var decoded = await new ImageDecoder().DecodeAsync(data, CancellationToken.None);
        return await new MrzReader(new TesseractEngine()).ReadAsync(decoded, Today, CancellationToken.None);
    }
}
