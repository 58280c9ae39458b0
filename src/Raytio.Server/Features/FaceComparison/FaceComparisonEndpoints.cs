using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Rekognition;

namespace Raytio.Server.Features.FaceComparison;

/// <summary>Operation 112 (docs/FACE-COMPARISON.md). `org_id` (query, optional) names the organisation the comparison is made for and billed to.</summary>
internal static class FaceComparisonEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<RekognitionOptions>>().Value.MaxRequestBodyBytes;
        app.MapVersionedGroup("rekognition").MapPost("/compare_faces", async (
                JsonElement body, [FromQuery(Name = "org_id")] string? orgId, CurrentUser caller, FaceComparisonOperation operation, CancellationToken ct) =>
                TypedResults.Ok(await operation.CompareAsync(caller.Id, orgId, body, ct)))
            .RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithName("compare-faces")
            .WithSummary("Compare the largest face of the source image with the faces of the target image (AWS Rekognition CompareFaces shape); metered when org_id names an organisation")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonObject>()
            .ProducesError(402, 404, 502);
    }
}
