using Microsoft.Extensions.Options;
using Raytio.Clarity.Imaging;
using Raytio.Clarity.Mrz;
using Raytio.Clarity.Ocr;
using Raytio.Server.Features.DocumentReads;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Mrz;

/// <summary>Decodes an upload within the limits and reads its machine-readable zone, mapping the library's refusals to statuses.</summary>
public sealed class MrzOperation(IOptions<MrzOptions> options, DocumentReadGate gate, TesseractEngine engine, TimeProvider time)
{
    private readonly ImageDecoder _decoder = new(
        ImageLimits.Default with { MaxBytes = options.Value.MaxRequestBodyBytes, MaxPixels = options.Value.MaxImagePixels }, new PdfRasterizer());

    private readonly MrzReader _reader = new(engine);

    /// <exception cref="ApiException">The refusals of docs/MRZ.md; 503 <c>server_busy</c> when every read slot stayed taken.</exception>
    public Task<MrzAnswer> ReadAsync(byte[] file, CancellationToken cancellationToken) =>
        gate.RunAsync(() => ReadNowAsync(file, cancellationToken), cancellationToken);

    private async Task<MrzAnswer> ReadNowAsync(byte[] file, CancellationToken cancellationToken)
    {
        try
        {
            using var image = await _decoder.DecodeAsync(file, cancellationToken);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var reading = await _reader.ReadAsync(image, today, cancellationToken)
                ?? throw new ApiException(StatusCodes.Status422UnprocessableEntity, "mrz_not_found", "No machine-readable zone was found in the image.");
            return MrzAnswer.From(reading);
        }
        catch (UnreadableImageException e)
        {
            throw ApiException.Invalid("file.data", e.Message);
        }
        catch (ImageTooLargeException e)
        {
            throw new ApiException(StatusCodes.Status413PayloadTooLarge, "image_too_large", e.Message);
        }
        catch (OcrUnavailableException e)
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "ocr_unavailable", e.Message);
        }
    }
}
