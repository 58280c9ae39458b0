using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.DriverLicence;

/// <summary>Operation 98. `org_id` (query, optional) names the organisation the check is made for and billed to.</summary>
internal static class DriverLicenceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapVersionedGroup("verify").MapPost("/drivers_licence", async Task<Ok<JsonObject>> (
                JsonElement body, [FromQuery(Name = "org_id")] string? orgId, CurrentUser caller, DriverLicenceOperation operation, CancellationToken ct) =>
                TypedResults.Ok(await operation.CheckAsync(caller.Id, orgId, body, ct)))
            .WithName("verify-drivers-licence")
            .WithSummary("Checks an NZ driver licence with the NZTA register (consistent or not per detail, never the register's data); needs the holder's consent; metered when org_id names an organisation")
            .ProducesError(402, 404, 502);
    }
}
