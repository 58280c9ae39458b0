using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Clarity;

/// <summary>Operations 101 (POST /clarity/{version}/extract) and 103 (POST /clarity/{version}/train), docs/CLARITY.md.</summary>
internal static class ClarityEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<ClarityOptions>>().Value.MaxRequestBodyBytes;
        var group = app.MapVersionedGroup("clarity");

        group.MapPost("/extract", async (JsonElement body, CurrentUser user, ClarityExtractOperation operation, CancellationToken ct) =>
                TypedResults.Ok(await operation.ExtractAsync(user.Id, body, ct)))
            .RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithName("clarity-extract")
            .WithSummary("Extract a document's text, image and table components (and MRZ) with a Clarity model")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonElement>()
            .ProducesError(400, 401, 402, 404, 413, 422, 503);

        group.MapPost("/train", async (JsonElement body, CurrentUser user, ClarityTrainOperation operation, CancellationToken ct) =>
                TypedResults.Ok(await operation.TrainAsync(user.Id, body, ct)))
            .RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithName("clarity-train")
            .WithSummary("Train a Clarity model from one image, its anchors and component boxes; the properties answered signed")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonElement>()
            .ProducesError(400, 401, 413, 422, 503);
    }
}
