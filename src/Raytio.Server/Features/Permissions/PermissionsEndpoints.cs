using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Permissions;

/// <summary>Operations 48-50 (docs/GRAPH.md, "Grants and cascade").</summary>
internal static class PermissionsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var db = app.MapVersionedGroup("db");

        db.MapPost("/profile_objects/{n_id}/permissions", async Task<Ok<JsonObject>> (
                [FromRoute(Name = "n_id")] string nId, GrantRequest body, CurrentUser caller, Granter granter, CancellationToken ct) =>
                TypedResults.Ok(await granter.GrantAsync(caller.Id, GraphIds.Parse("n_id", nId), body, ct)))
            .WithName("grant-permission")
            .WithSummary("Grant ADMINS, EDITS or VIEWS on an object (or ADMINS on a group) to a user or group; cascade (default true) also grants it on the sub objects the caller administers")
            .ProducesError(400, 403, 404);

        db.MapGet("/profile_objects/{n_id}/permissions", async Task<Ok<JsonObject>> (
                [FromRoute(Name = "n_id")] string nId, CurrentUser caller, PermissionListing listing, CancellationToken ct) =>
                TypedResults.Ok(await listing.ListAsync(caller.Id, GraphIds.Parse("n_id", nId), ct)))
            .WithName("list-permissions")
            .WithSummary("Every permission relationship on an object the caller administers")
            .ProducesError(400, 403, 404);

        db.MapDelete("/permissions/{p_id}", async Task<ContentHttpResult> (
                [FromRoute(Name = "p_id")] string pId, CurrentUser caller, Revoker revoker, CancellationToken ct) =>
            {
                await revoker.RevokeAsync(caller.Id, GraphIds.Parse("p_id", pId), ct);
                return TypedResults.Text("null", "application/json");
            })
            .WithName("revoke-permission")
            .WithSummary("Revoke a permission and every grant its cascade made; answers null")
            .Produces<JsonElement>()
            .ProducesError(400, 403, 404);
    }
}
