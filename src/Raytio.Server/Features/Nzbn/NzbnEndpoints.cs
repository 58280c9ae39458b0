using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Nzbn;

/// <summary>Operations 108, 109 and 90. `org_id` (optional) names the organisation the check is made for and billed to.</summary>
internal static class NzbnEndpoints
{
    public const string OrgIdQuery = "org_id";

    public static void Map(IEndpointRouteBuilder app)
    {
        var nzbn = app.MapVersionedGroup("nzbn");

        nzbn.MapGet("/entities", async Task<Ok<JsonObject>> (
                [FromQuery(Name = "search-term")] string? searchTerm, [FromQuery(Name = "entity-status")] string? entityStatus,
                [FromQuery(Name = "entity-type")] string? entityType, [FromQuery(Name = "industry-code")] string? industryCode,
                [FromQuery(Name = "change-event")] string? changeEvent, string? dateTimeFrom, string? dateTimeTo, string? page,
                [FromQuery(Name = "page-size")] string? pageSize, string? mapped, [FromHeader(Name = "api-business-govt-nz-Request-Id")] string? requestId,
                [FromQuery(Name = OrgIdQuery)] string? orgId, HttpRequest request, CurrentUser caller, NzbnOperations operations, CancellationToken ct) =>
                TypedResults.Ok(await operations.SearchAsync(caller.Id, orgId,
                    new(searchTerm, entityStatus, entityType, industryCode, changeEvent, dateTimeFrom, dateTimeTo, page, pageSize, mapped, requestId), request, ct)))
            .WithName("search-nzbn-entities")
            .WithSummary("Search the NZ Business Number register (free text and filters, or change history), paged; metered when org_id names an organisation")
            .ProducesError(400, 402, 404, 502);

        nzbn.MapGet("/entities/{nzbn}", async Task<Ok<JsonObject>> (
                string nzbn, [FromQuery(Name = OrgIdQuery)] string? orgId, CurrentUser caller, NzbnOperations operations, CancellationToken ct) =>
                TypedResults.Ok(await operations.EntityAsync(caller.Id, orgId, nzbn, ct)))
            .WithName("get-nzbn-entity")
            .WithSummary("An NZBN entity's full public details; metered when org_id names an organisation")
            .ProducesError(400, 402, 502);

        nzbn.MapGet("/entities/{nzbn}/ownership", async Task<Ok<NzbnOwnership>> (
                string nzbn, [FromQuery(Name = OrgIdQuery)] string? orgId, CurrentUser caller, NzbnOperations operations, CancellationToken ct) =>
                TypedResults.Ok(await operations.OwnershipAsync(caller.Id, orgId, nzbn, ct)))
            .WithName("get-nzbn-ownership")
            .WithSummary("An NZBN entity's directors, share allocations and each person's share of the ownership; metered when org_id names an organisation")
            .ProducesError(400, 402, 502);
    }
}
