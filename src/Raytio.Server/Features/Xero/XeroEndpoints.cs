using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Xero;

namespace Raytio.Server.Features.Xero;

/// <summary>Operations 115-118 (reports of the organisation's ledger) and the connect / callback additions (docs/XERO.md).</summary>
internal static class XeroEndpoints
{
    private const string OrgId = XeroReportOperations.OrgIdQuery;

    public static void Map(IEndpointRouteBuilder app)
    {
        var xero = app.MapVersionedGroup("xero");

        xero.MapGet("/connect", async Task<RedirectHttpResult> (
                [FromQuery(Name = OrgId)] string? orgId, HttpRequest request, CurrentUser caller, XeroConnectFlow flow, CancellationToken ct) =>
                TypedResults.Redirect((await flow.ConnectAsync(caller.Id, orgId, request, ct)).ToString()))
            .WithName("connect-xero")
            .WithSummary("Start connecting the organisation's Xero ledger (administrators): 302 to Xero's consent page with state and PKCE")
            .Produces(StatusCodes.Status302Found)
            .ProducesError(400, 403, 404);

        xero.MapGet("/callback", async Task<Ok<XeroConnectionAnswer>> (
                string? code, string? state, string? error, XeroConnectFlow flow, CancellationToken ct) =>
                TypedResults.Ok(await flow.CallbackAsync(code, state, error, ct)))
            .WithName("xero-callback")
            .WithSummary("Xero's OAuth 2.0 redirect back: completes the connection started by connect (single-use state, 10 minutes)")
            .ProducesError(400, 403, 409, 502);

        MapReport(xero, "/reports/executive_summary", XeroReportKind.ExecutiveSummary, "get-xero-executive-summary", "Executive summary of the organisation's ledger for the month of `date`");
        MapReport(xero, "/reports/balance_sheet", XeroReportKind.BalanceSheet, "get-xero-balance-sheet", "Balance sheet of the organisation's ledger as at `date`");
        MapReport(xero, "/reports/trial_balance", XeroReportKind.TrialBalance, "get-xero-trial-balance", "Trial balance of the organisation's ledger as at `date`");

        xero.MapGet("/reports/profit_and_loss", async Task<Ok<JsonObject>> (
                [FromQuery(Name = OrgId)] string? orgId, string? fromDate, string? toDate, CurrentUser caller, XeroReportOperations operations, CancellationToken ct) =>
                TypedResults.Ok(await operations.ReportAsync(caller.Id, orgId, XeroReportKind.ProfitAndLoss, null, fromDate, toDate, ct)))
            .WithName("get-xero-profit-and-loss")
            .WithSummary("Profit and loss of the organisation's ledger from `fromDate` to `toDate` (default: the current month); metered")
            .ProducesError(400, 402, 404, 409, 502);
    }

    private static void MapReport(RouteGroupBuilder xero, string path, XeroReportKind kind, string name, string summary) =>
        xero.MapGet(path, async Task<Ok<JsonObject>> (
                [FromQuery(Name = OrgId)] string? orgId, string? date, CurrentUser caller, XeroReportOperations operations, CancellationToken ct) =>
                TypedResults.Ok(await operations.ReportAsync(caller.Id, orgId, kind, date, null, null, ct)))
            .WithName(name)
            .WithSummary(summary + " (default: today); metered")
            .ProducesError(400, 402, 404, 409, 502);
}
