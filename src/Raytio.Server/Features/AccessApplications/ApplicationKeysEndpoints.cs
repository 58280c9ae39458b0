using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>Operations 75-82: an application's public keys and the private keys wrapped for its users.</summary>
internal static class ApplicationKeysEndpoints
{
    private const string Application = "/access_applications/{a_id}";
    private const string PublicKey = "/public_keys/{n_id}";

    public static void Map(IEndpointRouteBuilder app)
    {
        var share = app.MapVersionedGroup("share");

        share.MapGet(Application + "/public_key", async Task<Ok<JsonObject>> (
                    [FromRoute(Name = ApplicationAccess.RouteField)] string aId, ApplicationOrUser caller, ApplicationKeys keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.DefaultAsync(caller, aId, ct)))
            .WithName("read-default-public-key")
            .WithSummary("The application's default (newest) public key; anyone signed in, or the application's own token")
            .ProducesError(400, 404);

        share.MapPost(Application + "/public_key", async Task<Ok<JsonObject>> (
                    [FromRoute(Name = ApplicationAccess.RouteField)] string aId, JsonElement body, CurrentUser caller, ApplicationKeys keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.AddAsync(caller.Id, aId, body, ct)))
            .WithName("add-public-key")
            .WithSummary("Add a public RSA-OAEP JWK {key}; it becomes the default; authorised users")
            .ProducesError(400, 404);

        share.MapGet(Application + "/public_keys", async Task<Ok<JsonArray>> (
                    [FromRoute(Name = ApplicationAccess.RouteField)] string aId, ApplicationOrUser caller, ApplicationKeys keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.ListAsync(caller, aId, ct)))
            .WithName("list-public-keys")
            .WithSummary("Every public key of the application, newest first, with the instances encrypted to each")
            .ProducesError(400, 404);

        share.MapGet(PublicKey, async Task<Ok<JsonObject>> (
                    [FromRoute(Name = ApplicationKeys.KeyField)] string nId, ApplicationOrUser caller, ApplicationKeys keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.ReadAsync(caller, nId, ct)))
            .WithName("read-public-key")
            .WithSummary("One public key of an application; its authorised users and its own token")
            .ProducesError(400, 404);

        share.MapPost(PublicKey + "/private_keys", async Task<Ok<JsonObject>> (
                    [FromRoute(Name = ApplicationKeys.KeyField)] string nId, JsonElement body, CurrentUser caller, ApplicationKeys keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.StoreForUserAsync(caller.Id, nId, body, ct)))
            .WithName("store-private-key-for-user")
            .WithSummary("Store the private key wrapped for a member (u_id) of the application's organisation, who becomes authorised")
            .ProducesError(400, 403, 404);

        share.MapGet(PublicKey + "/private_key", async Task<Ok<JsonObject>> (
                    [FromRoute(Name = ApplicationKeys.KeyField)] string nId, CurrentUser caller, ApplicationKeys keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.OwnAsync(caller.Id, nId, ct)))
            .WithName("read-own-private-key")
            .WithSummary("The caller's own wrapped private key for this public key")
            .ProducesError(400, 404);

        share.MapPost(PublicKey + "/private_key", async Task<Ok<JsonObject>> (
                    [FromRoute(Name = ApplicationKeys.KeyField)] string nId, JsonElement body, CurrentUser caller, ApplicationKeys keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.StoreOwnAsync(caller.Id, nId, body, ct)))
            .WithName("store-own-private-key")
            .WithSummary("Store the caller's own wrapped private key {key: {encrypted_data, encrypted_key}}")
            .ProducesError(400, 404);

        share.MapGet(PublicKey + "/users", async Task<Ok<List<Guid>>> (
                    [FromRoute(Name = ApplicationKeys.KeyField)] string nId, CurrentUser caller, ApplicationKeys keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.UsersAsync(caller.Id, nId, ct)))
            .WithName("list-private-key-users")
            .WithSummary("The users holding a wrapped private key for this public key")
            .ProducesError(400, 404);
    }
}
