using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Groups;

/// <summary>Operations 51-58: groups of users, their owner and their members.</summary>
internal static class GroupsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var db = app.MapVersionedGroup("db");

        db.MapPost("/groups", async Task<Ok<JsonObject>> (CreateGroupRequest body, CurrentUser caller, GroupCreation creation, CancellationToken ct) =>
                TypedResults.Ok(await creation.CreateAsync(caller.Id, body, ct)))
            .WithName("create-group")
            .WithSummary("Create a group {name}: the caller owns it (IS_OWNER) and belongs to it")
            .ProducesError(400);

        db.MapGet("/groups", async Task<Ok<JsonObject>> (CurrentUser caller, GroupReads reads, CancellationToken ct) =>
                TypedResults.Ok(await reads.MineAsync(caller.Id, ct)))
            .WithName("list-groups")
            .WithSummary("The groups the caller belongs to: their user node, the groups and the BELONGS_TO relationships");

        db.MapGet("/groups/{g_id}", async Task<Ok<JsonObject>> ([FromRoute(Name = "g_id")] string gId, CurrentUser caller, GroupReads reads, CancellationToken ct) =>
                TypedResults.Ok(await reads.OneAsync(caller.Id, gId, ct)))
            .WithName("get-group")
            .WithSummary("A group with its members' and owner's user nodes, IS_OWNER and BELONGS_TO; for members and IS_OWNER / ADMINS holders")
            .ProducesError(400);

        db.MapPut("/groups/{g_id}/owner", async Task<Ok<JsonObject>> ([FromRoute(Name = "g_id")] string gId, UserIdRequest body, CurrentUser caller, GroupOwnership ownership, CancellationToken ct) =>
                TypedResults.Ok(await ownership.TransferAsync(caller.Id, gId, body, ct)))
            .WithName("transfer-group-owner")
            .WithSummary("Transfer the group's ownership to {u_id}, who also becomes a member; owner only")
            .ProducesError(400, 403);

        db.MapDelete("/groups/{g_id}", async Task<Ok<JsonElement>> ([FromRoute(Name = "g_id")] string gId, CurrentUser caller, GroupOwnership ownership, CancellationToken ct) =>
            {
                await ownership.DeleteAsync(caller.Id, gId, ct);
                return NullAnswer.Ok();
            })
            .WithName("delete-group")
            .WithSummary("Delete a group with its memberships and every permission it holds or is held on it; owner only; answers null")
            .ProducesError(400, 403);

        db.MapPost("/groups/{g_id}/users", async Task<Ok<JsonObject>> ([FromRoute(Name = "g_id")] string gId, UserIdRequest body, CurrentUser caller, GroupMembership membership, CancellationToken ct) =>
                TypedResults.Ok(await membership.AddAsync(caller.Id, gId, body, ct)))
            .WithName("add-group-member")
            .WithSummary("Add {u_id} to the group; IS_OWNER or ADMINS; adding a member again changes nothing")
            .ProducesError(400, 403);

        db.MapDelete("/groups/{g_id}/users/{u_id}", async Task<Ok<JsonObject>> (
                [FromRoute(Name = "g_id")] string gId, [FromRoute(Name = "u_id")] string uId,
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] UserIdRequest? body, CurrentUser caller, GroupMembership membership, CancellationToken ct) =>
                TypedResults.Ok(await membership.RemoveAsync(caller.Id, gId, RemovedUser(uId, body), ct)))
            .WithName("remove-group-member")
            .WithSummary("Remove a member; IS_OWNER or ADMINS, or the member themselves. A body {u_id} may repeat the route's u_id")
            .ProducesError(400, 403);

        db.MapDelete("/groups/{g_id}/users", async Task<Ok<JsonObject>> (
                [FromRoute(Name = "g_id")] string gId, [FromBody] UserIdRequest body, CurrentUser caller, GroupMembership membership, CancellationToken ct) =>
                TypedResults.Ok(await membership.RemoveAsync(caller.Id, gId, body.Required(), ct)))
            .WithName("remove-group-member-by-body")
            .WithSummary("Remove the member {u_id} (the reference's form of operation 57)")
            .ProducesError(400, 403);

        db.MapGet("/groups/{g_id}/users", async Task<Ok<JsonObject>> ([FromRoute(Name = "g_id")] string gId, CurrentUser caller, GroupReads reads, CancellationToken ct) =>
                TypedResults.Ok(await reads.MembersAsync(caller.Id, gId, ct)))
            .WithName("list-group-members")
            .WithSummary("The members' user nodes and their BELONGS_TO relationships")
            .ProducesError(400);
    }

    /// <summary>The route's u_id; a body u_id, when given, must name the same user.</summary>
    private static Guid RemovedUser(string routeUId, UserIdRequest? body)
    {
        var userId = GraphIds.Parse(UserIdRequest.Field, routeUId);
        if (body?.UId is { } given && (!Guid.TryParse(given, out var bodyUserId) || bodyUserId != userId))
        {
            throw ApiException.Invalid(UserIdRequest.Field, "The body's 'u_id' differs from the route's u_id.");
        }
        return userId;
    }
}
