using System.Text.Json.Nodes;

namespace Raytio.Server.Providers.Xero;

/// <summary>Where operations 115-118 get their reports: the Sandbox's demo ledger or the organisation's connected Xero ledger.</summary>
public interface IXeroReports
{
    /// <summary>For messages and the audit trail, e.g. "Xero (live)".</summary>
    string Name { get; }

    /// <summary>True when a report needs the organisation's connection (Live); the Sandbox answers every organisation from its demo ledger.</summary>
    bool NeedsConnection { get; }

    /// <summary>
    /// The report as `{"Reports":[ReportWithRow]}` (Xero's ReportWithRows). Throws
    /// <see cref="XeroConnectionRefusedException"/> when Xero refuses the access token (401/403),
    /// <see cref="Outside.ProviderFailedException"/> for every other failure.
    /// </summary>
    Task<JsonObject> ReportAsync(XeroReportRequest request, XeroAccess? access, CancellationToken cancellationToken);
}

/// <summary>What a Live call carries: the access token (Bearer) and the organisation's tenant (`xero-tenant-id`).</summary>
public sealed record XeroAccess(string AccessToken, string TenantId);
