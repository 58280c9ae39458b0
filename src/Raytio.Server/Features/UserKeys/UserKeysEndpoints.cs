using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.UserKeys;

/// <summary>The user-key additions: PUT and GET of one's own public and wrapped private key, GET of anyone's public key.</summary>
internal static class UserKeysEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var share = app.MapVersionedGroup("share");

        share.MapPut("/users/me/public_key", async Task<Ok<JsonObject>> (JsonElement body, CurrentUser caller, UserKeyStore keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.PutPublicAsync(caller.Id, body, ct)))
            .WithName("set-own-public-key")
            .WithSummary("Set the caller's public RSA-OAEP JWK (the body is the JWK)")
            .ProducesError(400);

        share.MapGet("/users/{u_id}/public_key", async Task<Ok<JsonObject>> (
                    [FromRoute(Name = UserKeyStore.UserField)] string uId, CurrentUser caller, UserKeyStore keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.ReadPublicAsync(caller.Id, uId, ct)))
            .WithName("read-user-public-key")
            .WithSummary("A user's public JWK (u_id or me), to wrap a key for them")
            .ProducesError(400, 404);

        share.MapPut("/users/me/private_key", async Task<Ok<JsonObject>> (JsonElement body, CurrentUser caller, UserKeyStore keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.PutPrivateAsync(caller.Id, body, ct)))
            .WithName("set-own-private-key")
            .WithSummary("Store the caller's own private key, wrapped: {key: {encrypted_data, encrypted_key}}")
            .ProducesError(400);

        share.MapGet("/users/me/private_key", async Task<Ok<JsonObject>> (CurrentUser caller, UserKeyStore keys, CancellationToken ct) =>
                TypedResults.Ok(await keys.ReadPrivateAsync(caller.Id, ct)))
            .WithName("read-own-private-key-wrapped")
            .WithSummary("The caller's own wrapped private key")
            .ProducesError(404);
    }
}
