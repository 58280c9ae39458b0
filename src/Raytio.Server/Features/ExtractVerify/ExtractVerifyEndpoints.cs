using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>Operations 102, 104, 106 and 107 (docs/EXTRACT-VERIFY.md); 105 and the public keys are in Features/Verification.</summary>
internal static class ExtractVerifyEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapVersionedGroup("extract_verify");
        var limit = app.ServiceProvider.GetRequiredService<IOptions<ExtractVerifyOptions>>().Value.MaxRequestBodyBytes;

        group.MapPost("/extract", async Task<Ok<JsonObject>> (JsonElement body, CurrentUser caller, DocumentExtraction extraction, CancellationToken ct) =>
                TypedResults.Ok(await extraction.ExtractAsync(caller.Id, body, ct)))
            .WithMetadata(new RequestSizeLimitAttribute(limit))
            .WithName("extract-verify-extract")
            .WithSummary("Read document images with the Clarity models that fit them, map onto schema_name's fields, sign: {data: {schema_name, document_data}, signature}; metered when org_id is given")
            .Accepts<JsonElement>("application/json")
            .ProducesError(400, 402, 404, 413, 422, 503);

        group.MapPost("/map", async Task<Ok<JsonObject>> (JsonElement body, CurrentUser caller, DocumentMapping mapping, CancellationToken ct) =>
                TypedResults.Ok(await mapping.MapAsync(caller.Id, body, ct)))
            .WithName("extract-verify-map")
            .WithSummary("Signed extracted data onto its schema's fields (aliases, ISO dates, name parts), signed again")
            .Accepts<JsonElement>("application/json")
            .ProducesError(400);

        group.MapPost("/verify_sign", async Task<Ok<JsonArray>> (JsonElement body, CurrentUser caller, DocumentVerification verification, CancellationToken ct) =>
                TypedResults.Ok(await verification.VerifySignAsync(caller.Id, body, ct)))
            .WithName("extract-verify-verify-sign")
            .WithSummary("Verify each of the schema's verified_fields with its register; each verification signed and stored (without its value) as the caller's ss_Verification object; metered when org_id is given")
            .Accepts<JsonElement>("application/json")
            .ProducesError(400, 402, 404, 502);

        group.MapPost("/verify_field", async Task<Ok<JsonArray>> (JsonElement body, CurrentUser caller, StoredVerificationCheck check, CancellationToken ct) =>
                TypedResults.Ok(await check.VerifyAsync(caller.Id, body, ct)))
            .WithName("extract-verify-verify-field")
            .WithSummary("A stored verification recombined with each value of data_to_verify, its signature checked: [{data, verified}]")
            .Accepts<JsonElement>("application/json")
            .ProducesError(400, 404);
    }
}
