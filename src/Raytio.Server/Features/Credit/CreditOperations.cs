using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.OutsideChecks;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Centrix;

namespace Raytio.Server.Features.Credit;

/// <summary>
/// Operations 99 (consumer report) and 100 (commercial report), metered and audited through
/// <see cref="OutsideCheckRunner"/>. The audit trail keeps the consumer only as an HMAC of their
/// name and date of birth; company numbers are public register ids.
/// </summary>
public sealed class CreditOperations(ICentrixBureau bureau, OutsideCheckRunner runner, AuditTrail audit, TimeProvider time)
{
    public async Task<JsonObject> ConsumerAsync(Guid caller, string? orgId, JsonObject body, CancellationToken cancellationToken)
    {
        var request = CreditRequests.Consumer(body, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var personal = request.ConsumerData!.Personal!;
        var subject = new JsonArray(personal.Surname!.Trim().ToUpperInvariant(), personal.FirstName!.Trim().ToUpperInvariant(), personal.DateOfBirth!.Value.ToString("O"));
        var details = new JsonObject
        {
            ["subject_hmac"] = await audit.HmacAsync(subject, cancellationToken),
            ["enquiry_reason"] = request.RequestDetails!.EnquiryReason,
        };
        var report = await runner.RunAsync(
            new OutsideCheck(caller, orgId, MeteredChecks.CreditReportConsumer, AuditEventTypes.CreditReportConsumer, details), bureau.Name,
            ct => bureau.ConsumerReportAsync(request, ct),
            answer => answer.StatusMessages.Any(m => m.MessageCode == "NOMATCH") ? "no_match" : "report", cancellationToken);
        return JsonSerializer.SerializeToNode(report, CentrixJson.Options)!.AsObject();
    }

    public async Task<JsonObject> CommercialAsync(Guid caller, string? orgId, JsonObject body, CancellationToken cancellationToken)
    {
        var request = CreditRequests.Commercial(body);
        var details = new JsonObject { ["company_number"] = request.CompanyNumber, ["enquiry_reason"] = request.RequestDetails!.EnquiryReason };
        var report = await runner.RunAsync(
            new OutsideCheck(caller, orgId, MeteredChecks.CreditReportCommercial, AuditEventTypes.CreditReportCommercial, details), bureau.Name,
            ct => bureau.CommercialReportAsync(request, ct), answer => answer is null ? "not_found" : "report", cancellationToken);
        return report is null
            ? throw ApiException.NotFound("company_not_found", $"The credit bureau has no company number {request.CompanyNumber}.")
            : JsonSerializer.SerializeToNode(report, CentrixJson.Options)!.AsObject();
    }
}
