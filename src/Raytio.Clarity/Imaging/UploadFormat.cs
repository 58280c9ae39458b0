namespace Raytio.Clarity.Imaging;

/// <summary>The upload formats accepted, told apart by their leading bytes rather than by the declared content type.</summary>
public enum UploadFormat
{
    Jpeg,
    Png,
    Tiff,
    Pdf,
}

public static class UploadFormats
{
    private static readonly byte[] _jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] _png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] _tiffLittleEndian = [(byte)'I', (byte)'I', 42, 0];
    private static readonly byte[] _tiffBigEndian = [(byte)'M', (byte)'M', 0, 42];
    private static readonly byte[] _pdf = "%PDF-"u8.ToArray();

    /// <summary>
    /// The format the bytes begin with, or null. Only these four are ever handed to the decoder:
    /// ImageMagick reads dozens of other formats (SVG, MVG, PostScript...) whose readers are a
    /// needless attack surface for a photograph of a document.
    /// </summary>
    public static UploadFormat? Detect(ReadOnlySpan<byte> data) =>
        data.StartsWith(_jpeg) ? UploadFormat.Jpeg
        : data.StartsWith(_png) ? UploadFormat.Png
        : data.StartsWith(_tiffLittleEndian) || data.StartsWith(_tiffBigEndian) ? UploadFormat.Tiff
        : data.StartsWith(_pdf) ? UploadFormat.Pdf
        : null;
}
