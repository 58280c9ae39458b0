using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Ownership;

/// <summary>Operations 59-61: taking, transferring and giving up the ownership of a profile object.</summary>
internal static class OwnershipEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var db = app.MapVersionedGroup("db");

        db.MapPost("/profile_objects/{n_id}/owner", async Task<Ok<JsonObject>> ([FromRoute(Name = "n_id")] string nId, CurrentUser caller, ObjectOwnership ownership, CancellationToken ct) =>
                TypedResults.Ok(await ownership.TakeAsync(caller.Id, nId, ct)))
            .WithName("take-ownership")
            .WithSummary("Take ownership (IS_OWNER) of an unowned profile object; needs ADMINS on it")
            .ProducesError(400, 403, 409);

        db.MapPut("/profile_objects/{n_id}/owner", async Task<Ok<JsonObject>> ([FromRoute(Name = "n_id")] string nId, UserIdRequest body, CurrentUser caller, ObjectOwnership ownership, CancellationToken ct) =>
                TypedResults.Ok(await ownership.TransferAsync(caller.Id, nId, body, ct)))
            .WithName("transfer-ownership")
            .WithSummary("Transfer the ownership of a profile object to {u_id}; owner only")
            .ProducesError(400, 403);

        db.MapDelete("/profile_objects/{n_id}/owner", async Task<Ok<JsonElement>> ([FromRoute(Name = "n_id")] string nId, CurrentUser caller, ObjectOwnership ownership, CancellationToken ct) =>
            {
                await ownership.ReleaseAsync(caller.Id, nId, ct);
                return NullAnswer.Ok();
            })
            .WithName("give-up-ownership")
            .WithSummary("Give up the ownership of a profile object, while another user or group holds ADMINS on it; answers null")
            .ProducesError(400, 403, 409);
    }
}
