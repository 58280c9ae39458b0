using Raytio.Clarity.Extraction;
using Raytio.Clarity.Imaging;
using Raytio.Clarity.Models;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// One image through the Clarity library: decoded within the limits (400 naming the field when it
/// is no image, 413 when too large), then extracted with the best-fitting model; null when no
/// model fits it. 503 `ocr_unavailable` when Tesseract cannot run (the exception passes through
/// <see cref="DocumentExtraction"/> first, which refunds). The decoder and extractor are the
/// Clarity feature's (its limits and Tesseract command, Raytio:Clarity:*).
/// </summary>
public sealed class ClarityReader(ImageDecoder decoder, ClarityExtractor extractor)
{
    public async Task<ClarityExtraction?> ReadAsync(byte[] file, string field, IReadOnlyList<ClarityModel> models, DateOnly today, CancellationToken cancellationToken)
    {
        try
        {
            using var image = await decoder.DecodeAsync(file, cancellationToken);
            return (await extractor.ExtractBestAsync(models, image, today, cancellationToken)).Extraction;
        }
        catch (AnchorsNotFoundException)
        {
            return null;
        }
        catch (UnreadableImageException problem)
        {
            throw ApiException.Invalid(field, $"'{field}': {problem.Message}");
        }
        catch (ImageTooLargeException problem)
        {
            throw new ApiException(StatusCodes.Status413PayloadTooLarge, "image_too_large", $"'{field}': {problem.Message}");
        }
    }
}
