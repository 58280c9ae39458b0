using System.Text.Json.Nodes;
using Raytio.Clarity.Models;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Clarity;

/// <summary>
/// Finds the model a request names: a shipped model by its fixed n_id, else a profile object of
/// label ss_Clarity_Model_01 the caller may view (their own, shared with them, or PUBLIC).
/// Anything else, including another user's private model, is the same 404.
/// </summary>
public sealed class ClarityModelStore(PermissionService permissions)
{
    public const string ModelLabel = "ss_Clarity_Model_01";

    public async Task<ClarityModel> LoadAsync(Guid caller, Guid modelId, CancellationToken cancellationToken)
    {
        if (ShippedModels.Find(modelId) is { } shipped)
            return shipped.Model;
        GraphNode node;
        try
        {
            node = await permissions.RequireAsync(caller, modelId, NodeKind.ProfileObject, Permission.View, cancellationToken);
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            throw NotFound();
        }
        var labels = JsonNode.Parse(node.LabelsJson)?.AsArray().Select(l => l?.GetValue<string>()) ?? [];
        if (!labels.Contains(ModelLabel))
            throw NotFound();
        try
        {
            return ClarityModelJson.Read(JsonNode.Parse(node.PropertiesJson)!.AsObject());
        }
        catch (ClarityModelFormatException e)
        {
            throw new ApiException(StatusCodes.Status422UnprocessableEntity, "invalid_model",
                $"The model's property '{e.Field}' does not follow the Clarity model format: {e.Message}");
        }
    }

    private static ApiException NotFound() => ApiException.NotFound("model_not_found", "No such Clarity model.");
}
