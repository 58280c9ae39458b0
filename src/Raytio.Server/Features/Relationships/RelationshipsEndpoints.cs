using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Relationships;

/// <summary>Operations 62-63 (docs/GRAPH.md, "Relationships").</summary>
internal static class RelationshipsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var db = app.MapVersionedGroup("db");

        db.MapPost("/relationships", async Task<Ok<JsonObject>> (RelationshipRequest body, CurrentUser caller, ObjectRelationships relationships, CancellationToken ct) =>
                TypedResults.Ok(await relationships.CreateAsync(caller.Id, body, ct)))
            .WithName("create-relationship")
            .WithSummary("Relate two profile objects the caller administers: {from, to, type, properties?}")
            .ProducesError(400, 403, 404, 409);

        // DELETE does not take a body by inference: the reference's body is named explicitly.
        db.MapDelete("/relationships", async Task<Ok<string>> ([FromBody] RelationshipRequest body, CurrentUser caller, ObjectRelationships relationships, CancellationToken ct) =>
            {
                await relationships.DeleteAsync(caller.Id, body, ct);
                return TypedResults.Ok("Success");
            })
            .WithName("delete-relationship")
            .WithSummary("Delete the relationship {from, to, type} between two objects the caller administers")
            .ProducesError(400, 403, 404);
    }
}
