using System.Text.Json.Nodes;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.OutsideChecks;
using Raytio.Server.Providers.Twilio;

namespace Raytio.Server.Features.OneTimeCodes;

/// <summary>
/// Operations 110 (send a code) and 111 (check it) over the configured engine, metered and
/// audited through <see cref="OutsideCheckRunner"/>. A verification started with `org_id` belongs
/// to that organisation (any member may check it); without, to the caller alone. Everyone else
/// gets the same 404 as for a verification that never existed. The audit trail keeps the
/// destination only as an HMAC, and the SID, channel and outcome.
/// </summary>
public sealed class OneTimeCodeOperations(IOneTimeCodeEngine engine, OneTimeCodeHashes hashes, OutsideCheckRunner runner, AuditTrail audit)
{
    public async Task<JsonObject> StartAsync(Guid caller, string? orgId, JsonObject body, CancellationToken cancellationToken)
    {
        var request = OneTimeCodeRequests.Start(body);
        var to = await hashes.DestinationAsync(request.To, cancellationToken);
        var details = await DetailsAsync(request.To, cancellationToken);
        details["channel"] = Channel(request.Channel);
        var verification = await runner.RunAsync(
            new OutsideCheck(caller, orgId, MeteredChecks.OtpSend, AuditEventTypes.OtpSend, details), engine.Name,
            (organization, ct) => engine.StartAsync(new VerificationStart(new(caller, organization), to, request.Channel), ct), answer => answer.Status, cancellationToken, Describe);
        return Answer(verification, request.To, withSends: true);
    }

    public async Task<JsonObject> CheckAsync(Guid caller, string? orgId, JsonObject body, CancellationToken cancellationToken)
    {
        var request = OneTimeCodeRequests.Check(body, engine.CodeLength);
        var to = await hashes.DestinationAsync(request.To, cancellationToken);
        var details = await DetailsAsync(request.To, cancellationToken);
        var verification = await runner.RunAsync(
            new OutsideCheck(caller, orgId, MeteredChecks.OtpCheck, AuditEventTypes.OtpCheck, details), engine.Name,
            (organization, ct) => engine.CheckAsync(new VerificationAttempt(new(caller, organization), to, request.Code), ct), answer => answer.Status, cancellationToken, Describe);
        return Answer(verification, request.To, withSends: false);
    }

    private async Task<JsonObject> DetailsAsync(string destination, CancellationToken cancellationToken) =>
        new() { ["destination_hmac"] = await audit.HmacAsync(JsonValue.Create(destination), cancellationToken) };

    private static void Describe(VerificationAnswer verification, JsonObject details)
    {
        details["sid"] = verification.Sid;
        details["channel"] = Channel(verification.Channel);
    }

    /// <summary>The reference's shape (Twilio's verification and verification check), with the dates Twilio also answers.</summary>
    private static JsonObject Answer(VerificationAnswer verification, string to, bool withSends)
    {
        var answer = new JsonObject
        {
            ["sid"] = verification.Sid,
            ["service_sid"] = verification.ServiceSid,
            ["account_sid"] = verification.AccountSid,
            ["to"] = to,
            ["channel"] = Channel(verification.Channel),
            ["status"] = verification.Status,
            ["valid"] = verification.Valid,
        };
        if (withSends)
        {
            answer["lookup"] = new JsonObject();
        }
        answer["amount"] = null;
        answer["payee"] = null;
        if (withSends)
        {
            answer["send_code_attempts"] = new JsonArray([.. verification.SendCodeAttempts.Select(send => (JsonNode)new JsonObject
            {
                ["channel"] = Channel(send.Channel),
                ["time"] = send.Time,
            })]);
        }
        answer["date_created"] = verification.DateCreated;
        answer["date_updated"] = verification.DateUpdated;
        return answer;
    }

    private static string Channel(CodeChannel channel) => channel.ToString().ToLowerInvariant();
}
