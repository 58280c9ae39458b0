using ImageMagick;

namespace Raytio.Clarity.Imaging;

/// <summary>
/// Decodes an uploaded JPEG, PNG, TIFF (first page) or PDF (first page, through pdftoppm) into
/// an upright image: the format is told by the leading bytes, the header is read without
/// decoding the pixels and checked against the limits, then the pixels are decoded and the
/// EXIF orientation applied.
/// </summary>
public sealed class ImageDecoder(ImageLimits limits, PdfRasterizer pdfRasterizer)
{
    public ImageDecoder()
        : this(ImageLimits.Default, new PdfRasterizer())
    {
    }

    public ImageLimits Limits => limits;

    /// <exception cref="UnreadableImageException">Not a supported image, or a damaged one.</exception>
    /// <exception cref="ImageTooLargeException">Over the byte, dimension or area limits.</exception>
    public async Task<MagickImage> DecodeAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (data.Length > limits.MaxBytes)
            throw new ImageTooLargeException($"The file is {data.Length} bytes; the limit is {limits.MaxBytes}.");
        var format = UploadFormats.Detect(data.Span)
            ?? throw new UnreadableImageException("The file is not a JPEG, PNG, TIFF or PDF image.");
        if (format == UploadFormat.Pdf)
        {
            data = await pdfRasterizer.RenderFirstPageAsync(data, limits, cancellationToken);
            format = UploadFormat.Png;
        }
        var settings = new MagickReadSettings { Format = MagickFormatOf(format), FrameIndex = 0, FrameCount = 1 };
        var bytes = data.ToArray();
        CheckDimensions(Ping(bytes, settings));
        try
        {
            var image = new MagickImage(bytes, settings);
            image.AutoOrient();
            return image;
        }
        catch (MagickResourceLimitErrorException)
        {
            throw new ImageTooLargeException("The image needs more memory to decode than the server allows.");
        }
        catch (MagickException e)
        {
            throw new UnreadableImageException($"The {format} image is damaged and could not be decoded.", e);
        }
    }

    private static MagickImageInfo Ping(byte[] bytes, MagickReadSettings settings)
    {
        try
        {
            return new MagickImageInfo(bytes, settings);
        }
        catch (MagickException e)
        {
            throw new UnreadableImageException($"The {settings.Format} image's header could not be read.", e);
        }
    }

    private void CheckDimensions(MagickImageInfo header)
    {
        var (width, height) = (header.Width, header.Height);
        if (width == 0 || height == 0)
            throw new UnreadableImageException("The image declares no pixels.");
        if (width > limits.MaxWidth || height > limits.MaxHeight)
            throw new ImageTooLargeException(
                $"The image is {width}x{height} pixels; the limit is {limits.MaxWidth}x{limits.MaxHeight}.");
        if ((long)width * height > limits.MaxPixels)
            throw new ImageTooLargeException(
                $"The image has {(long)width * height} pixels; the limit is {limits.MaxPixels}.");
    }

    private static MagickFormat MagickFormatOf(UploadFormat format) => format switch
    {
        UploadFormat.Jpeg => MagickFormat.Jpeg,
        UploadFormat.Png => MagickFormat.Png,
        UploadFormat.Tiff => MagickFormat.Tiff,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "PDF is rendered to PNG before decoding."),
    };
}
