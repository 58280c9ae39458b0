using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Audit;

/// <summary>Operation 89 (PaperTrail): the audit events about an id.</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var papertrail = app.MapVersionedGroup("papertrail");

        papertrail.MapGet("/audit/{id}", async Task<Ok<List<AuditAnswer>>> (
                string id, string? limit, [FromQuery(Name = "starting_after")] string? startingAfter,
                CurrentUser caller, AuditReader reader, CancellationToken ct) =>
                TypedResults.Ok(await reader.ReadAsync(caller, id, limit, startingAfter, ct)))
            .WithName("audit-events")
            .WithSummary("Audit events about an id, newest first: the caller's own user id, or a profile object or group they may view; limit (1-100, default 25), starting_after (an event id)")
            .ProducesError(400, 404);
    }
}
