using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Xero.Live;

/// <summary>
/// Xero's Accounting API reports (xero_accounting.yaml): GET Reports/{ExecutiveSummary |
/// ProfitAndLoss | BalanceSheet | TrialBalance} with `date` or `fromDate`/`toDate`, the access
/// token as Bearer and the tenant in `xero-tenant-id`, asking for JSON. The answer's envelope
/// (Id, Status, ProviderName, DateTimeUTC) is dropped; its Reports are passed on.
/// </summary>
public sealed class XeroLiveReports(IHttpClientFactory clients, IOptions<XeroOptions> options) : IXeroReports
{
    public const string HttpClientName = "xero-api";

    public string Name => "Xero (live)";

    public bool NeedsConnection => true;

    public async Task<JsonObject> ReportAsync(XeroReportRequest request, XeroAccess? access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parameters = request.Kind == XeroReportKind.ProfitAndLoss
            ? new Dictionary<string, string?> { ["fromDate"] = Day(request.From ?? request.To), ["toDate"] = Day(request.To) }
            : new Dictionary<string, string?> { ["date"] = Day(request.To) };
        var path = QueryHelpers.AddQueryString($"Reports/{request.Kind}", parameters);
        using var call = new HttpRequestMessage(HttpMethod.Get, new Uri(options.Value.Live.ApiBaseUrl, path));
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access.AccessToken);
        call.Headers.Add("xero-tenant-id", access.TenantId);
        call.Headers.Accept.ParseAdd("application/json");
        using var response = await ProviderHttp.SendAsync(clients.CreateClient(HttpClientName), call, Name, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new XeroConnectionRefusedException((int)response.StatusCode);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw ProviderHttp.Unexpected(Name, response.StatusCode);
        }
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (JsonException malformed)
        {
            throw Unreadable(malformed);
        }
        if (body?["Reports"] is not JsonArray { Count: > 0 } reports || reports.Any(r => r is not JsonObject { } report || report["Rows"] is not JsonArray))
        {
            throw Unreadable();
        }
        return new JsonObject { ["Reports"] = reports.DeepClone() };
    }

    private ProviderFailedException Unreadable(Exception? inner = null) => new(Name, "answered with a body that is not a Xero report", inner);
}
