using System.Text.Json;
using Raytio.Server.Hosting;
using Raytio.Signing;

namespace Raytio.Server.Features.Verification;

internal static class VerificationEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapVersionedGroup("extract_verify");

        group.MapGet("/public_key", async (ISigningKeyStore keys, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=300";
                return TypedResults.Text(JwkSet.ToJson(await keys.ListKeysAsync(ct)), "application/jwk-set+json");
            })
            .WithName("extract-verify-public-key")
            .WithSummary("The public keys (JWK set, PS512) that verify signed verifications offline")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/jwk-set+json");

        group.MapPost("/verify", async (JsonElement body, SignatureVerification verification, HttpContext http, CancellationToken ct) =>
            {
                http.Response.ContentType = "application/json; charset=utf-8";
                await verification.WriteResultsAsync(body, http.Response.Body, ct);
            })
            .RequireAuthorization()
            .WithName("extract-verify-verify")
            .WithSummary("Check data + signature pairs: each answered with `verified`")
            .Accepts<JsonElement>("application/json")
            .Produces<JsonElement>()
            .ProducesError(400, 401);
    }
}
