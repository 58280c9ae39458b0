using Raytio.Clarity.Extraction;
using Raytio.Clarity.Imaging;
using Raytio.Clarity.Ocr;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Clarity;

/// <summary>The library's refusals as the statuses docs/CLARITY.md lists.</summary>
internal static class ClarityFailures
{
    public static ApiException BadImage(UnreadableImageException e, string field) => ApiException.Invalid(field, e.Message);

    /// <summary>The upload decoded, or 400 naming <paramref name="field"/> for an unreadable image and 413 for one over the limits.</summary>
    public static async Task<ImageMagick.MagickImage> DecodeAsync(ImageDecoder decoder, byte[] bytes, string field, CancellationToken cancellationToken)
    {
        try
        {
            return await decoder.DecodeAsync(bytes, cancellationToken);
        }
        catch (UnreadableImageException e)
        {
            throw BadImage(e, field);
        }
        catch (ImageTooLargeException e)
        {
            throw TooLarge(e);
        }
    }

    public static ApiException TooLarge(ImageTooLargeException e) =>
        new(StatusCodes.Status413PayloadTooLarge, "image_too_large", e.Message);

    public static ApiException OcrUnavailable(OcrUnavailableException e) =>
        new(StatusCodes.Status503ServiceUnavailable, "ocr_unavailable", e.Message);

    public static ApiException AnchorsNotFound(AnchorsNotFoundException e) =>
        new(StatusCodes.Status422UnprocessableEntity, "anchors_not_found", e.Message);
}
