using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.OneTimeCodes;

/// <summary>Operations 110 and 111. `org_id` (query, optional) names the organisation the verification is for, billed to, and checked by.</summary>
internal static class OneTimeCodeEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var twilio = app.MapVersionedGroup("twilio");

        twilio.MapPost("/verify", async Task<Ok<JsonObject>> (
                JsonObject body, [FromQuery(Name = "org_id")] string? orgId, CurrentUser caller, OneTimeCodeOperations operations, CancellationToken ct) =>
                TypedResults.Ok(await operations.StartAsync(caller.Id, orgId, body, ct)))
            .WithName("twilio-verify")
            .WithSummary("Send a one-time code by sms, voice or email (Twilio Verify's behaviour); a second request to the same destination sends a new code; metered when org_id names an organisation; with Twilio Verify, 409 while another owner's code to the destination is pending")
            .ProducesError(402, 404, 409, 429, 502);

        twilio.MapPost("/verify/check", async Task<Ok<JsonObject>> (
                JsonObject body, [FromQuery(Name = "org_id")] string? orgId, CurrentUser caller, OneTimeCodeOperations operations, CancellationToken ct) =>
                TypedResults.Ok(await operations.CheckAsync(caller.Id, orgId, body, ct)))
            .WithName("twilio-verify-check")
            .WithSummary("Check a one-time code: status approved (valid true) or pending (valid false, a wrong code); 404 when no verification of the caller's is pending; 429 after five checks")
            .ProducesError(402, 404, 429, 502);
    }
}
