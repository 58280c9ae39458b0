using System.Buffers.Binary;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.FaceComparison;

/// <summary>
/// Rekognition's image limits, checked before any provider is called (so nothing is charged for
/// them): JPEG or PNG by the leading bytes, at most 5 MB (5,242,880 bytes) decoded, at least 80
/// pixels wide and high (read from the PNG header or the JPEG frame header).
/// </summary>
public static class FaceImages
{
    public const int MaxBytes = 5_242_880;
    public const int MinSide = 80;

    public const string ImageTooLarge = "image_too_large";
    public const string InvalidImageFormat = "invalid_image_format";
    public const string InvalidParameter = "invalid_parameter";

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    /// <summary>Throws the 400 Rekognition's rules give for <paramref name="image"/>, naming <paramref name="field"/>.</summary>
    public static void Check(string field, byte[] image)
    {
        if (image.Length > MaxBytes)
        {
            throw Refused(ImageTooLarge, field, $"'{field}' is {image.Length} bytes; images are at most {MaxBytes} bytes (5 MB).");
        }
        var size = image.AsSpan().StartsWith(PngSignature) ? PngSize(image)
            : image.AsSpan().StartsWith(JpegSignature) ? JpegSize(image)
            : throw Refused(InvalidImageFormat, field, $"'{field}' is not a JPEG or PNG image.");
        if (size is not var (width, height))
        {
            throw Refused(InvalidImageFormat, field, $"'{field}' is not a readable JPEG or PNG image (no image size in its header).");
        }
        if (width < MinSide || height < MinSide)
        {
            throw Refused(InvalidParameter, field, $"'{field}' is {width}x{height} pixels; images are at least {MinSide} pixels wide and high.");
        }
    }

    public static ApiException Refused(string code, string field, string message) =>
        new(StatusCodes.Status400BadRequest, code, message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Width and height of the IHDR chunk, which a PNG must have first.</summary>
    private static (int Width, int Height)? PngSize(byte[] png) =>
        png.Length >= 24 && png.AsSpan(12, 4).SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)))
            : null;

    /// <summary>Walks the JPEG's marker segments to the first start-of-frame (SOF0-SOF15 but DHT, JPG and DAC).</summary>
    private static (int Width, int Height)? JpegSize(byte[] jpeg)
    {
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return null;
            }
            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD9))
            {
                at += 2; // markers without a length
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return at + 9 <= jpeg.Length
                    ? (BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 7)), BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 5)))
                    : null;
            }
            at += 2 + length;
        }
        return null;
    }
}
