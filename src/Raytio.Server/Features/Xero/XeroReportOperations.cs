using System.Text.Json.Nodes;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Features.OutsideChecks;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Xero;

namespace Raytio.Server.Features.Xero;

/// <summary>
/// Operations 115-118: a report of the organisation's ledger for a member of it, metered
/// (`xero_report`) and audited through <see cref="OutsideCheckRunner"/>. With Live Xero the
/// organisation's connection must exist and be accepted before anything is charged; when Xero
/// refuses the access token, it is refreshed once and the call retried, and a connection Xero
/// no longer accepts answers 409 (the charge refunded) telling an administrator to connect again.
/// </summary>
public sealed class XeroReportOperations(IXeroReports reports, XeroConnectionTokens tokens, OrganizationAccess access, OutsideCheckRunner runner, TimeProvider time)
{
    public const string OrgIdQuery = "org_id";

    public async Task<JsonObject> ReportAsync(Guid caller, string? orgId, XeroReportKind kind, string? date, string? fromDate, string? toDate, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(orgId))
        {
            throw ApiException.Invalid(OrgIdQuery, "'org_id' names the organisation whose ledger to report on.");
        }
        var request = XeroReportPeriod.Parse(kind, date, fromDate, toDate, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        XeroAccess? granted = null;
        var organization = Guid.Empty;
        if (reports.NeedsConnection)
        {
            organization = (await access.ReadAsync(caller, orgId, cancellationToken)).Organization.Id;
            granted = await tokens.AccessAsync(organization, null, cancellationToken);
        }
        var details = new JsonObject
        {
            ["report"] = kind.ToString(),
            ["from"] = request.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = request.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["tenant_id"] = granted?.TenantId,
        };
        var revoked = false;
        try
        {
            return await runner.RunAsync(
                new OutsideCheck(caller, orgId, MeteredChecks.XeroReport, AuditEventTypes.XeroReport, details), reports.Name,
                async ct =>
                {
                    try
                    {
                        return await FetchAsync(request, granted, organization, ct);
                    }
                    catch (ApiException refused) when (refused.Code == XeroConnectionTokens.RevokedCode)
                    {
                        revoked = true;
                        throw new ProviderFailedException(reports.Name, "no longer accepts the organisation's connection", refused);
                    }
                },
                _ => "ok", cancellationToken);
        }
        catch (ApiException failed) when (revoked && failed.Code == OutsideCheckRunner.ProviderFailed)
        {
            throw XeroConnectionTokens.Revoked();
        }
    }

    /// <summary>The report; when Xero refuses the access token, one refresh and one more try.</summary>
    private async Task<JsonObject> FetchAsync(XeroReportRequest request, XeroAccess? granted, Guid organization, CancellationToken cancellationToken)
    {
        try
        {
            return await reports.ReportAsync(request, granted, cancellationToken);
        }
        catch (XeroConnectionRefusedException) when (granted is not null)
        {
            var renewed = await tokens.AccessAsync(organization, granted.AccessToken, cancellationToken);
            try
            {
                return await reports.ReportAsync(request, renewed, cancellationToken);
            }
            catch (XeroConnectionRefusedException)
            {
                await tokens.MarkRevokedAsync(organization, cancellationToken);
                throw XeroConnectionTokens.Revoked();
            }
        }
    }
}
