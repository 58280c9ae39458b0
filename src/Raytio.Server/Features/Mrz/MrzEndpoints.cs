using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Mrz;

/// <summary>The addition POST /clarity/{version}/mrz: a document image in, its machine-readable zone out (docs/MRZ.md).</summary>
internal static class MrzEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<MrzOptions>>().Value.MaxRequestBodyBytes;
        app.MapVersionedGroup("clarity").MapPost("/mrz", async (JsonElement body, CurrentUser _, MrzOperation operation, CancellationToken ct) =>
                TypedResults.Ok(await operation.ReadAsync(MrzUpload.Read(body), ct)))
            .RequireAuthorization()
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithName("read-mrz")
            .WithSummary("Read the ICAO 9303 machine-readable zone of a passport, ID card or visa image, with its check-digit verdicts")
            .Accepts<JsonElement>("application/json")
            .Produces<MrzAnswer>()
            .ProducesError(400, 401, 413, 422, 503);
    }
}
