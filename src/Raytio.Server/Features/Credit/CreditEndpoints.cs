using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Credit;

/// <summary>Operations 99 and 100. `org_id` (query, optional) names the organisation the report is made for and billed to.</summary>
internal static class CreditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var credit = app.MapVersionedGroup("credit");

        credit.MapPost("/consumer", async Task<Ok<JsonObject>> (
                JsonObject body, [FromQuery(Name = "org_id")] string? orgId, CurrentUser caller, CreditOperations operations, CancellationToken ct) =>
                TypedResults.Ok(await operations.ConsumerAsync(caller.Id, orgId, body, ct)))
            .WithName("credit-report-consumer")
            .WithSummary("A consumer credit report (Centrix shape); needs the enquiry reason and the subject's consent; metered when org_id names an organisation")
            .ProducesError(402, 404, 502);

        credit.MapPost("/commercial", async Task<Ok<JsonObject>> (
                JsonObject body, [FromQuery(Name = "org_id")] string? orgId, CurrentUser caller, CreditOperations operations, CancellationToken ct) =>
                TypedResults.Ok(await operations.CommercialAsync(caller.Id, orgId, body, ct)))
            .WithName("credit-report-commercial")
            .WithSummary("A commercial credit report of a company by its number (Centrix shape); needs the enquiry reason and consent; metered when org_id names an organisation")
            .ProducesError(402, 404, 502);
    }
}
