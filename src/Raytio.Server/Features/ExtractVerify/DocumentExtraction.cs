using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Raytio.Clarity.Models;
using Raytio.Clarity.Ocr;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.DocumentReads;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// Operation 102: each image of `form_data` is read with the Clarity model (among the shipped ones
/// and those the caller may view, <see cref="ClarityModelCatalog"/>) whose anchors and refiner it
/// shows; a model with a machine-readable zone has its visual fields confirmed and corrected by the
/// zone (<see cref="MrzCrossCheck"/>, reported in `data.mrz`); the text
/// components read are mapped leniently onto the schema's fields (what does not fit is left out),
/// the first image that gives a field wins, and the result is signed as 104 answers. Metered as
/// `document_extract` when `org_id` names the caller's organisation, refunded when OCR cannot run
/// (503).
/// </summary>
public sealed class DocumentExtraction(
    DocumentSchemas schemas, ClarityModelCatalog models, ClarityReader reader, DocumentMapper mapper, DocumentSigning signing,
    CheckPayer payer, DocumentReadGate gate, IOptions<ExtractVerifyOptions> options, TimeProvider time)
{
    public const string NotRecognised = "document_not_recognised";

    public async Task<JsonObject> ExtractAsync(Guid caller, JsonElement body, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("validation_failed", "The body must be a JSON object {\"form_data\": [base64 images], \"schema_name\"}.");
        }
        var images = Images(body);
        var schema = await schemas.LoadAsync(body.TryGetProperty("schema_name", out var name) ? name : null, caller, "schema_name", cancellationToken);
        var organization = await payer.OrganizationAsync(caller, body, cancellationToken);
        var candidates = await models.UsableAsync(caller, cancellationToken);

        // The slot is taken before the charge, so a busy server refuses without charging.
        var (read, mrz) = await gate.RunAsync(() => payer.RunAsync(
            organization, MeteredChecks.DocumentExtract, Guid.NewGuid().ToString(), ct => ReadAllAsync(images, candidates, schema, ct),
            (OcrUnavailableException problem) => new ApiException(StatusCodes.Status503ServiceUnavailable, "ocr_unavailable", $"The OCR engine could not run; nothing was charged. {problem.Message}"),
            cancellationToken), cancellationToken);
        if (read.Count == 0)
        {
            throw NoModelFits();
        }
        return await signing.SignAsync(schema, mapper.Map(schema, read, "document_data", lenient: true), cancellationToken, mrz);
    }

    /// <summary>
    /// Reads each image with the models; the first image that gives a component wins. A machine
    /// readable zone cross-checks its image's text; the first zone's report is answered.
    /// </summary>
    private async Task<(JsonObject Read, JsonObject? Mrz)> ReadAllAsync(List<byte[]> images, IReadOnlyList<ClarityModel> candidates, DocumentSchema schema, CancellationToken cancellationToken)
    {
        var read = new JsonObject();
        JsonObject? mrz = null;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        for (var index = 0; index < images.Count; index++)
        {
            if (await reader.ReadAsync(images[index], $"form_data[{index}]", candidates, today, cancellationToken) is not { } extraction)
            {
                continue;
            }
            var text = extraction.Text;
            if (extraction.Mrz is { } reading)
            {
                var (checkedText, report) = MrzCrossCheck.Apply(reading, text);
                text = checkedText;
                mrz ??= report;
            }
            foreach (var (component, words) in text)
            {
                if (!read.ContainsKey(component) && words.Count > 0)
                {
                    read[component] = new JsonArray([.. words.Select(w => (JsonNode)w)]);
                }
            }
            foreach (var (component, jpeg) in extraction.Images.Where(i => schema.Has(i.Key) && !read.ContainsKey(i.Key)))
            {
                read[component] = jpeg;
            }
        }
        return (read, mrz);
    }

    private List<byte[]> Images(JsonElement body)
    {
        var limit = options.Value.MaxImages;
        if (!body.TryGetProperty("form_data", out var formData) || formData.ValueKind != JsonValueKind.Array
            || formData.GetArrayLength() is 0 || formData.GetArrayLength() > limit)
        {
            throw ApiException.Invalid("form_data", $"'form_data' must be an array of 1 to {limit} base64 images (JPEG, PNG, TIFF or PDF).");
        }
        var images = new List<byte[]>();
        var validation = new Validation();
        var index = 0;
        foreach (var item in formData.EnumerateArray())
        {
            var field = $"form_data[{index++}]";
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : "";
            var bytes = new byte[text.Length / 4 * 3 + 3];
            if (text.Length == 0 || !Convert.TryFromBase64String(text, bytes, out var length))
            {
                validation.Add(field, $"'{field}' must be a base64 image.");
                continue;
            }
            images.Add(bytes[..length]);
        }
        validation.ThrowIfAny();
        return images;
    }

    private static ApiException NoModelFits() => new(StatusCodes.Status422UnprocessableEntity, NotRecognised,
        "No Clarity model you may use fits the images: none shows the anchors (and refiner) of a model in force.");
}
