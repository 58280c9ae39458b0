using System.Text.Json;
using System.Text.Json.Nodes;
using ImageMagick;
using Raytio.Clarity.Extraction;
using Raytio.Clarity.Imaging;
using Raytio.Clarity.Models;
using Raytio.Clarity.Ocr;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.DocumentReads;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Mrz;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Clarity;

/// <summary>
/// Operation 101: an image and a model id in, the model's components out. Everything about the
/// request (model, image, organisation) is checked before the check is metered; OCR failing
/// after the charge refunds it, a page without the anchors is a completed check.
/// </summary>
public sealed class ClarityExtractOperation(
    ClarityModelStore models, ImageDecoder decoder, ClarityExtractor extractor,
    OrganizationAccess organizations, MeteredCall metered, DocumentReadGate gate, TimeProvider time)
{
    public async Task<JsonObject> ExtractAsync(Guid caller, JsonElement body, CancellationToken cancellationToken)
    {
        var file = MrzUpload.Read(ClarityRequests.RequireObject(body));
        var modelId = GraphIds.Parse("model_id", ClarityRequests.OptionalString(body, "model_id"));
        var orgText = ClarityRequests.OptionalString(body, "org_id");
        Guid? orgId = orgText is null ? null : GraphIds.Parse("org_id", orgText);

        var model = await models.LoadAsync(caller, modelId, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!model.IsValidOn(today))
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, "model_not_in_force",
                $"The model '{model.Name}' is in force from {model.ModelStartDate:yyyy-MM-dd}{(model.ModelEndDate is { } end ? $" until {end:yyyy-MM-dd}" : "")}.");
        return Answer(model, await gate.RunAsync(() => ReadAsync(caller, model, file, orgId, today, cancellationToken), cancellationToken));
    }

    private async Task<ClarityExtraction> ReadAsync(Guid caller, ClarityModel model, byte[] file, Guid? orgId, DateOnly today, CancellationToken cancellationToken)
    {
        using var image = await ClarityFailures.DecodeAsync(decoder, file, "file.data", cancellationToken);
        if (orgId is { } org)
            await organizations.ReadAsync(caller, org.ToString(), cancellationToken);
        try
        {
            return await metered.RunAsync(
                orgId, MeteredChecks.DocumentOcr, $"clarity_{Guid.NewGuid():N}", ct => extractor.ExtractAsync(model, image, today, ct),
                (OcrUnavailableException e) => ClarityFailures.OcrUnavailable(e), cancellationToken);
        }
        catch (AnchorsNotFoundException e)
        {
            throw ClarityFailures.AnchorsNotFound(e);
        }
    }


    /// <summary>The reference's <c>{images, text}</c>, with <c>tables</c> and <c>mrz</c> when the model has them.</summary>
    private static JsonObject Answer(ClarityModel model, ClarityExtraction extraction)
    {
        var answer = new JsonObject
        {
            ["images"] = new JsonObject(extraction.Images.Select(i => KeyValuePair.Create(i.Key, (JsonNode?)i.Value))),
            ["text"] = new JsonObject(extraction.Text.Select(t =>
                KeyValuePair.Create(t.Key, (JsonNode?)new JsonArray(t.Value.Select(w => (JsonNode)w).ToArray())))),
        };
        if (model.TableComponents.Count > 0)
            answer["tables"] = new JsonObject(extraction.Tables.Select(t => KeyValuePair.Create(t.Key,
                (JsonNode?)new JsonArray(t.Value.Select(row => (JsonNode)new JsonArray(row.Select(cell => (JsonNode)cell).ToArray())).ToArray()))));
        if (model.MrzComponents.Count > 0)
            answer["mrz"] = extraction.Mrz is { } reading ? JsonSerializer.SerializeToNode(MrzAnswer.From(reading)) : null;
        return answer;
    }
}
