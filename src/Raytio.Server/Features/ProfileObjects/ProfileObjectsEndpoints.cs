using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Schemas;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>Operations 34-40 and `DELETE /db/{version}/profile_objects/{n_id}` (docs/GRAPH.md, "Profile objects").</summary>
internal static class ProfileObjectsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var db = app.MapVersionedGroup("db");
        var limits = app.ServiceProvider.GetRequiredService<IOptions<ProfileObjectOptions>>().Value;

        db.MapPost("/profile_objects", async Task<Ok<JsonNode>> (JsonElement body, CurrentUser caller, ProfileObjectCreator creator, CancellationToken ct) =>
                TypedResults.Ok(await creator.CreateAsync(body, caller.Id, ct)))
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxCreateBodyBytes))
            .WithName("create-profile-objects")
            .WithSummary("Create one object {schema, labels?, properties, document?} or an array of them (all or nothing); the caller gets IS_OWNER")
            .ProducesError(400, 413);

        db.MapPatch("/profile_objects", async Task<Ok<JsonArray>> (JsonElement body, CurrentUser caller, ProfileObjectUpdater updater, CancellationToken ct) =>
                TypedResults.Ok(await updater.UpdateAsync(body, caller.Id, ct)))
            .WithName("update-profile-objects")
            .WithSummary("Update an array of {n_id, labels?, params}: params is a JSON merge patch of the properties; needs EDITS on each; all or nothing")
            .ProducesError(400, 403, 404, 409);

        db.MapGet("/profile_objects/{n_id}/content", async Task<Ok<string>> ([FromRoute(Name = "n_id")] string nId, CurrentUser caller, ProfileObjectContent content, CancellationToken ct) =>
                TypedResults.Ok(await content.ReadBase64Async(caller.Id, RequestFields.NodeKey(nId, "n_id"), ct)))
            .WithName("get-profile-object-content")
            .WithSummary("The object's document as a base64 string (needs VIEWS)")
            .ProducesError(400, 404);

        db.MapGet("/public/profile_objects/{n_id}/content", async Task<Ok<string>> ([FromRoute(Name = "n_id")] string nId, ProfileObjectContent content, CancellationToken ct) =>
                TypedResults.Ok(await content.ReadBase64Async(null, RequestFields.NodeKey(nId, "n_id"), ct)))
            .WithName("get-public-profile-object-content")
            .WithSummary("The document of an object PUBLIC may view, as a base64 string, without a token")
            .ProducesError(400, 404);

        db.MapPost("/profile_objects/read", async Task<Ok<JsonNode>> (
                JsonElement body, OptionalUser caller, string? expand, string? format, [FromQuery(Name = "format_map")] string? formatMap,
                string? limit, [FromQuery(Name = "starting_after")] string? startingAfter, ProfileObjectReader reader, CancellationToken ct) =>
                TypedResults.Ok(await reader.ListAsync(caller.Id, ReadRequest.FromBody(body, expand, format, formatMap, limit, startingAfter), ct)))
            .WithName("read-profile-objects")
            .WithSummary("Objects the caller may view matching {profile_objects: [{n_id?, label?}], permissions}; anonymous callers see PUBLIC ones; format=kvp with format_map")
            .ProducesError(400, 401);

        db.MapGet("/profile_objects", async Task<Ok<JsonNode>> (
                [FromQuery(Name = "profile_objects")] string? profileObjects, string[]? permissions, OptionalUser caller, string? expand, string? format,
                [FromQuery(Name = "format_map")] string? formatMap, string? limit, [FromQuery(Name = "starting_after")] string? startingAfter,
                ProfileObjectReader reader, CancellationToken ct) =>
                TypedResults.Ok(await reader.ListAsync(caller.Id, ReadRequest.FromQuery(profileObjects, permissions, expand, format, formatMap, limit, startingAfter), ct)))
            .WithName("list-profile-objects")
            .WithSummary("Objects the caller may view; profile_objects (URL-encoded JSON array), permissions, expand, format, format_map, limit (1-1000), starting_after (n_id)")
            .ProducesError(400, 401);

        db.MapGet("/profile_objects/{n_id}", async Task<Ok<JsonObject>> (
                [FromRoute(Name = "n_id")] string nId, string? expand, OptionalUser caller, ProfileObjectReader reader, CancellationToken ct) =>
                TypedResults.Ok(await reader.OneAsync(caller.Id, RequestFields.NodeKey(nId, "n_id"), QueryParameters.Flag("expand", expand, defaultValue: true), ct)))
            .WithName("get-profile-object")
            .WithSummary("One object the caller may view; expand (default true) resolves urn:profile_object references")
            .ProducesError(400, 401, 404);

        db.MapDelete("/profile_objects/{n_id}", async Task<ContentHttpResult> ([FromRoute(Name = "n_id")] string nId, CurrentUser caller, ProfileObjectDeleter deleter, CancellationToken ct) =>
            {
                await deleter.DeleteAsync(caller.Id, RequestFields.NodeKey(nId, "n_id"), ct);
                return TypedResults.Text("null", "application/json");
            })
            .WithName("delete-profile-object")
            .WithSummary("Delete an object (IS_OWNER only): its labels, relationships, grants and unshared content; answers null")
            .Produces<JsonElement>()
            .ProducesError(400, 403, 404);
    }
}
