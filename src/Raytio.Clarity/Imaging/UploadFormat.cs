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
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] TiffLittleEndianSignature = [(byte)'I', (byte)'I', 42, 0];
    private static readonly byte[] TiffBigEndianSignature = [(byte)'M', (byte)'M', 0, 42];
    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();

    /// <summary>
    /// The format the bytes begin with, or null. Only these four are ever handed to the decoder:
    /// ImageMagick reads dozens of other formats (SVG, MVG, PostScript...) whose readers are a
    /// needless attack surface for a photograph of a document.
    /// </summary>
    public static UploadFormat? Detect(ReadOnlySpan<byte> data) =>
        data.StartsWith(JpegSignature) ? UploadFormat.Jpeg
        : data.StartsWith(PngSignature) ? UploadFormat.Png
        : data.StartsWith(TiffLittleEndianSignature) || data.StartsWith(TiffBigEndianSignature) ? UploadFormat.Tiff
        : data.StartsWith(PdfSignature) ? UploadFormat.Pdf
        : null;
}
