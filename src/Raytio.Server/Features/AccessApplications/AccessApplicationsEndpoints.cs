using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>Operations 69-72 and the PATCH and DELETE of an application.</summary>
internal static class AccessApplicationsEndpoints
{
    private const string Path = "/access_applications";
    private const string One = Path + "/{a_id}";

    public static void Map(IEndpointRouteBuilder app)
    {
        var share = app.MapVersionedGroup("share");

        share.MapGet(Path, async Task<Ok<JsonArray>> (CurrentUser caller, ApplicationReads reads, CancellationToken ct) =>
                TypedResults.Ok(await reads.ListAsync(caller.Id, ct)))
            .WithName("list-access-applications")
            .WithSummary("The live applications the caller is authorised on (owner, shared with, or administrator of its organisation)");

        share.MapPost(Path, async Task<Ok<JsonObject>> (JsonElement body, CurrentUser caller, ApplicationChanges changes, CancellationToken ct) =>
                TypedResults.Ok(await changes.CreateAsync(caller.Id, body, ct)))
            .WithName("create-access-application")
            .WithSummary("Create an application; generate_secret answers its client key and secret once; org_id: administrators of that organisation only")
            .ProducesError(400, 403, 404);

        share.MapGet("/users/{u_id}" + Path, async Task<Ok<JsonArray>> (
                    [FromRoute(Name = ApplicationReads.UserField)] string uId, CurrentUser caller, ApplicationReads reads, CancellationToken ct) =>
                TypedResults.Ok(await reads.ListForUserAsync(caller.Id, uId, ct)))
            .WithName("list-user-access-applications")
            .WithSummary("A user's applications: their own list, or those of organisations the caller administers")
            .ProducesError(400, 404);

        share.MapGet(One, async Task<Ok<JsonObject>> (
                    [FromRoute(Name = ApplicationAccess.RouteField)] string aId, ApplicationOrUser caller, ApplicationReads reads, CancellationToken ct) =>
                TypedResults.Ok(await reads.ReadAsync(caller, aId, ct)))
            .WithName("read-access-application")
            .WithSummary("One application: whole for its authorised users and its own token, the public description for anyone signed in")
            .ProducesError(400, 404);

        share.MapPatch(One, async Task<Ok<JsonObject>> (
                    [FromRoute(Name = ApplicationAccess.RouteField)] string aId, JsonElement body, CurrentUser caller, ApplicationChanges changes, CancellationToken ct) =>
                TypedResults.Ok(await changes.PatchAsync(caller.Id, aId, body, ct)))
            .WithName("update-access-application")
            .WithSummary("Change the fields given; generate_secret makes a new key and secret (answered once) and ends the old ones")
            .ProducesError(400, 404);

        share.MapDelete(One, async Task<Ok<MessageAnswer>> (
                    [FromRoute(Name = ApplicationAccess.RouteField)] string aId, CurrentUser caller, ApplicationChanges changes, CancellationToken ct) =>
                TypedResults.Ok(new MessageAnswer(await changes.DeleteAsync(caller.Id, aId, ct))))
            .WithName("delete-access-application")
            .WithSummary("Delete the application for everyone (owner, or its organisation's administrators)")
            .ProducesError(400, 403, 404);
    }
}

public sealed record MessageAnswer(string Message);
