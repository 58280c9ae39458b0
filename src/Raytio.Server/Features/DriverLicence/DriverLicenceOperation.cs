using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.OutsideChecks;
using Raytio.Server.Providers.DriverLicence;

namespace Raytio.Server.Features.DriverLicence;

/// <summary>
/// Operation 98: the body checked (<see cref="DriverLicenceRequests"/>), then the register asked
/// through <see cref="OutsideCheckRunner"/> (membership of `org_id`, the `driver_licence` charge,
/// refund and 502 when the register fails, audit of every outcome). The audit trail keeps the
/// licence and the person only as HMACs.
/// </summary>
public sealed class DriverLicenceOperation(IDriverLicenceRegister register, OutsideCheckRunner runner, AuditTrail audit, TimeProvider time)
{
    public async Task<JsonObject> CheckAsync(Guid caller, string? orgId, JsonElement body, CancellationToken cancellationToken)
    {
        var query = DriverLicenceRequests.Read(body, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var details = new JsonObject
        {
            ["licence_hmac"] = await audit.HmacAsync(new JsonArray(query.Number, query.Version), cancellationToken),
            ["subject_hmac"] = await audit.HmacAsync(new JsonArray(
                query.LastName.ToUpperInvariant(), query.FirstName.ToUpperInvariant(), query.DateOfBirth.ToString("O", CultureInfo.InvariantCulture)), cancellationToken),
        };
        var verdict = await runner.RunAsync(
            new OutsideCheck(caller, orgId, MeteredChecks.DriverLicence, AuditEventTypes.DriverLicenceCheck, details), register.Name,
            ct => register.CheckAsync(query, ct), DriverLicenceAnswer.Outcome, cancellationToken);
        return DriverLicenceAnswer.Of(query, verdict);
    }
}
