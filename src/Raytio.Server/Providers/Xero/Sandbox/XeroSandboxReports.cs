using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Providers.Xero.Ledger;

namespace Raytio.Server.Providers.Xero.Sandbox;

/// <summary>The Sandbox's reports: computed from the <see cref="DemoLedger"/>, the same for every organisation, no connection needed.</summary>
public sealed class XeroSandboxReports(DemoLedger ledger, TimeProvider time) : IXeroReports
{
    public string Name => "Xero (sandbox)";

    public bool NeedsConnection => false;

    public Task<JsonObject> ReportAsync(XeroReportRequest request, XeroAccess? access, CancellationToken cancellationToken)
    {
        var report = LedgerReports.Build(ledger.Current, request, time.GetUtcNow());
        return Task.FromResult(new JsonObject { ["Reports"] = new JsonArray(JsonSerializer.SerializeToNode(report, XeroJson.Options)) });
    }
}
