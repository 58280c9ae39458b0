using System.Globalization;
using System.Text.Json.Nodes;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.OutsideChecks;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Xero;

namespace Raytio.Server.Features.Xero;

/// <summary>
/// Operations 115-118: a report of the organisation's ledger for a member of it, metered
/// (`xero_report`) and audited through <see cref="OutsideCheckRunner"/>. With Live Xero the
/// organisation's connection must exist, be accepted and give a usable access token before
/// anything is charged (a failure there is audited and answered as the runner answers it,
/// nothing charged); when Xero refuses the access token, it is refreshed once and the call
/// retried, and a connection Xero no longer accepts answers 409 (the charge refunded) telling an
/// administrator to connect again.
/// </summary>
public sealed class XeroReportOperations(IXeroReports reports, XeroConnectionTokens tokens, OutsideCheckRunner runner, TimeProvider time)
{
    public const string OrgIdQuery = "org_id";

    /// <summary>Tries of one report with Live Xero: the stored token, a refreshed one, and one more when another writer changed the connection meanwhile.</summary>
    private const int MaxTries = 3;

    public async Task<JsonObject> ReportAsync(Guid caller, string? orgId, XeroReportKind kind, string? date, string? fromDate, string? toDate, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(orgId))
        {
            throw ApiException.Invalid(OrgIdQuery, "'org_id' names the organisation whose ledger to report on.");
        }
        var request = XeroReportPeriod.Parse(kind, date, fromDate, toDate, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var details = new JsonObject
        {
            ["report"] = kind.ToString(),
            ["from"] = request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = request.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["tenant_id"] = null,
        };
        var check = new OutsideCheck(caller, orgId, MeteredChecks.XeroReport, AuditEventTypes.XeroReport, details);
        XeroConnectionAccess? granted = null;
        var organization = (await runner.OrganizationAsync(check, cancellationToken))!.Value; // org_id is required above
        if (reports.NeedsConnection)
        {
            try
            {
                granted = await tokens.AccessAsync(caller, organization, null, cancellationToken);
            }
            catch (Exception failure) when (failure is ProviderFailedException or ApiException)
            {
                throw await runner.FailedBeforeChargeAsync(check, reports.Name, organization, failure);
            }
            details["tenant_id"] = granted.Access.TenantId;
        }
        return await runner.RunForAsync(check, organization, reports.Name, (_, ct) => FetchAsync(caller, request, granted, organization, ct), _ => "ok", cancellationToken);
    }

    /// <summary>
    /// The report. When Xero refuses the access token: one refresh and another try; refused again,
    /// the connection is marked revoked, unless another writer changed it since, whose state then
    /// decides (revoked or disconnected: 409; a new pair: one more try).
    /// </summary>
    private async Task<JsonObject> FetchAsync(Guid caller, XeroReportRequest request, XeroConnectionAccess? granted, Guid organization, CancellationToken cancellationToken)
    {
        if (granted is null)
        {
            return await reports.ReportAsync(request, null, cancellationToken);
        }
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await reports.ReportAsync(request, granted.Access, cancellationToken);
            }
            catch (XeroConnectionRefusedException)
            {
                if (tries > 1 && await tokens.MarkRevokedAsync(caller, organization, granted.Revision, XeroConnectionTokens.AccessRefused) == 1)
                {
                    throw XeroConnectionTokens.Revoked();
                }
                var current = await tokens.AccessAsync(caller, organization, granted.Access.AccessToken, cancellationToken);
                granted = tries < MaxTries
                    ? current
                    : throw new ProviderFailedException(reports.Name, "refused every access token the organisation's connection gave");
            }
        }
    }
}
