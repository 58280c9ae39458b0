using System.Text.Json;
using System.Text.Json.Nodes;
using ImageMagick;
using Raytio.Clarity.Extraction;
using Raytio.Clarity.Imaging;
using Raytio.Clarity.Models;
using Raytio.Clarity.Ocr;
using Raytio.Clarity.Training;
using Raytio.Server.Features.DocumentReads;
using Raytio.Server.Features.ProfileObjects;
using Raytio.Server.Hosting;
using Raytio.Signing;

namespace Raytio.Server.Features.Clarity;

/// <summary>
/// Operation 103: trains a model from one image and answers its properties signed (PS512 over
/// their canonical JSON, checkable with operation 105). With a <c>model</c> object naming it, the
/// model is also saved as the caller's ss_Clarity_Model_01 profile object and its n_id answered.
/// </summary>
public sealed class ClarityTrainOperation(ImageDecoder decoder, ClarityTrainer trainer, DocumentReadGate gate, Signer signer, ProfileObjectCreator creator)
{
    public async Task<JsonObject> TrainAsync(Guid caller, JsonElement body, CancellationToken cancellationToken)
    {
        ClarityRequests.RequireObject(body);
        var imageText = ClarityRequests.OptionalString(body, "image");
        if (string.IsNullOrWhiteSpace(imageText))
            throw ApiException.Invalid("image", "'image' is required: the base64 encoded image.");
        var imageBytes = ClarityRequests.Base64(imageText, "image");
        var anchorA = ClarityRequests.RequiredText(body, "anchor_a", "anchor_a");
        var anchorC = ClarityRequests.RequiredText(body, "anchor_c", "anchor_c");
        var components = ClarityRequests.Components(body);
        var ocr = ClarityRequests.Ocr(body);
        var description = body.TryGetProperty("model", out var given) && given.ValueKind != JsonValueKind.Null ? Describe(given) : null;

        var geometry = await gate.RunAsync(async () =>
        {
            using var image = await ClarityFailures.DecodeAsync(decoder, imageBytes, "image", cancellationToken);
            try
            {
                return await trainer.TrainAsync(image, ocr, anchorA, anchorC, components, cancellationToken);
            }
            catch (OcrUnavailableException e)
            {
                throw ClarityFailures.OcrUnavailable(e);
            }
            catch (AnchorsNotFoundException e)
            {
                throw ClarityFailures.AnchorsNotFound(e);
            }
        }, cancellationToken);

        var properties = ClarityModelJson.WriteGeometry(geometry);
        if (description is not null)
        {
            foreach (var (key, value) in description)
                properties[key] = value?.DeepClone();
            try
            {
                ClarityModelJson.Read(properties);
            }
            catch (ClarityModelFormatException e)
            {
                throw ApiException.Invalid($"model.{e.Field}", e.Message);
            }
        }
        var signature = await signer.SignAsync(JsonSerializer.SerializeToElement(properties), cancellationToken);
        var answer = new JsonObject { ["properties"] = properties.DeepClone(), ["signature"] = signature };
        if (description is not null)
        {
            var saved = await creator.CreateAsync(JsonSerializer.SerializeToElement(new JsonObject
            {
                ["schema"] = ClarityModelStore.ModelLabel,
                ["properties"] = properties.DeepClone(),
            }), caller, cancellationToken);
            answer["n_id"] = saved["n_id"]?.DeepClone();
        }
        return answer;
    }

    /// <summary>The descriptive properties of a model to save: name and model_start_date required.</summary>
    private static JsonObject Describe(JsonElement given)
    {
        if (given.ValueKind != JsonValueKind.Object)
            throw ApiException.Invalid("model", "'model' must be an object {name, model_start_date, ...}.");
        var described = new JsonObject { ["name"] = ClarityRequests.RequiredText(given, "name", "model.name") };
        foreach (var name in new[] { "description", "country", "model_refiner", "model_start_date", "model_end_date" })
        {
            if (!given.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                continue;
            described[name] = ClarityRequests.RequiredText(given, name, $"model.{name}");
        }
        if (described["model_start_date"] is null)
            throw ApiException.Invalid("model.model_start_date", "'model.model_start_date' is required: a date written YYYY-MM-DD.");
        return described;
    }
}
