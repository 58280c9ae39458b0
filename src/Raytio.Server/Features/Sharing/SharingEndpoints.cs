using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Features.AccessApplications;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Sharing;

/// <summary>Share, withdraw, 67, 68, 73, 74 and 83-85 (docs/SHARING.md).</summary>
internal static class SharingEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var share = app.MapVersionedGroup("share");

        share.MapPost("/access_applications/{a_id}/instances", async Task<Ok<JsonObject>> (
                [FromRoute(Name = "a_id")] string aId, JsonElement body, CurrentUser caller, ShareCreator creator, CancellationToken ct) =>
                TypedResults.Ok(await creator.ShareAsync(caller.Id, ApplicationAccess.ParseId(aId), body, ct)))
            .WithName("share-profile-objects")
            .WithSummary("Share profile objects the caller owns or administers with an application: {profile_objects, keys?, short_code?, reference?, end_date?}")
            .ProducesError(400, 401, 403, 404);

        share.MapDelete("/instances/{i_id}", async Task<Ok<JsonObject>> ([FromRoute(Name = "i_id")] string iId, CurrentUser caller, SharerOperations sharer, CancellationToken ct) =>
                TypedResults.Ok(await sharer.WithdrawAsync(caller.Id, SharerOperations.ParseId(iId), ct)))
            .WithName("withdraw-instance")
            .WithSummary("Withdraw an instance the caller shared: the recipients lose access at once")
            .ProducesError(400, 401, 404, 409);

        share.MapGet("/instances", async Task<Ok<JsonArray>> (
                [FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate, string? state, string? limit,
                [FromQuery(Name = "starting_after")] string? startingAfter, CurrentUser caller, SharerOperations sharer, CancellationToken ct) =>
                TypedResults.Ok(await sharer.ListAsync(caller.Id, InstanceListQuery.Parse(startDate, endDate, state, limit, startingAfter), ct)))
            .WithName("list-shared-instances")
            .WithSummary("Instances the caller shared, newest first; start_date / end_date {\"date\",\"op\"}, state, limit, starting_after")
            .ProducesError(400, 401);

        share.MapGet("/instances/{i_id}", async Task<Ok<JsonObject>> ([FromRoute(Name = "i_id")] string iId, CurrentUser caller, SharerOperations sharer, CancellationToken ct) =>
                TypedResults.Ok(await sharer.OneAsync(caller.Id, SharerOperations.ParseId(iId), ct)))
            .WithName("get-shared-instance")
            .WithSummary("One instance the caller shared, with the objects as shared and its history")
            .ProducesError(400, 401, 404);

        share.MapGet("/access_applications/{a_id}/instances", async Task<Ok<JsonArray>> (
                [FromRoute(Name = "a_id")] string aId, [FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate,
                string? state, string? limit, [FromQuery(Name = "starting_after")] string? startingAfter, ApplicationOrUser caller, RecipientOperations recipient, CancellationToken ct) =>
                TypedResults.Ok(await recipient.ListAsync(caller, ApplicationAccess.ParseId(aId), InstanceListQuery.Parse(startDate, endDate, state, limit, startingAfter), ct)))
            .WithName("list-application-instances")
            .WithSummary("Instances shared with the application (its authorised users or its own token), within their dates and not withdrawn, newest first")
            .ProducesError(400, 401, 404);

        share.MapGet("/profile_objects/{n_id}/access_applications", async Task<Ok<JsonArray>> (
                [FromRoute(Name = "n_id")] string nId, CurrentUser caller, SharerOperations sharer, CancellationToken ct) =>
                TypedResults.Ok(await sharer.ApplicationsOfAsync(caller.Id, GraphIds.Parse("n_id", nId), ct)))
            .WithName("list-object-applications")
            .WithSummary("The applications a profile object was shared with (needs ADMINS or IS_OWNER on it)")
            .ProducesError(400, 401, 403, 404);

        share.MapGet("/org/instances/{i_id}", async Task<Ok<JsonObject>> ([FromRoute(Name = "i_id")] string iId, ApplicationOrUser caller, RecipientOperations recipient, CancellationToken ct) =>
                TypedResults.Ok(await recipient.OneAsync(caller, SharerOperations.ParseId(iId), ct)))
            .WithName("get-received-instance")
            .WithSummary("A recipient's view of one instance: the objects as shared, relationships, wrapped keys and history")
            .ProducesError(400, 401, 404);

        share.MapPatch("/org/instances/{i_id}", async Task<Ok<JsonObject>> (
                [FromRoute(Name = "i_id")] string iId, JsonElement body, ApplicationOrUser caller, RecipientOperations recipient, CancellationToken ct) =>
                TypedResults.Ok(await recipient.ChangeStateAsync(caller, SharerOperations.ParseId(iId), body, ct)))
            .WithName("change-instance-state")
            .WithSummary("Move _state along the application's transitions; custom is passed to the transition's actions")
            .ProducesError(400, 401, 404, 409);

        share.MapGet("/org/instances/{i_id}/profile_objects/{n_id}/content", async Task<Ok<string>> (
                [FromRoute(Name = "i_id")] string iId, [FromRoute(Name = "n_id")] string nId, ApplicationOrUser caller, RecipientOperations recipient, CancellationToken ct) =>
                TypedResults.Ok(await recipient.ContentAsync(caller, SharerOperations.ParseId(iId), GraphIds.Parse("n_id", nId), ct)))
            .WithName("get-received-instance-content")
            .WithSummary("A shared object's content as it was shared, as a base64 string")
            .ProducesError(400, 401, 404);
    }
}
