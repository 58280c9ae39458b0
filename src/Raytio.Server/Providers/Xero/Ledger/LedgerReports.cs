namespace Raytio.Server.Providers.Xero.Ledger;

/// <summary>The four reports of a ledger, titled and dated as Xero titles them.</summary>
public static class LedgerReports
{
    public static XeroReport Build(GeneralLedger ledger, XeroReportRequest request, DateTimeOffset now)
    {
        var date = request.To;
        var (id, name, title, period, rows) = request.Kind switch
        {
            XeroReportKind.ProfitAndLoss => ("ProfitAndLoss", "Profit and Loss", "Profit & Loss",
                $"{ReportCells.LongDate(request.From ?? date)} to {ReportCells.LongDate(date)}", ProfitAndLossReport.Rows(ledger, request.From ?? date, date)),
            XeroReportKind.BalanceSheet => ("BalanceSheet", "Balance Sheet", "Balance Sheet", $"As at {ReportCells.LongDate(date)}", BalanceSheetReport.Rows(ledger, date)),
            XeroReportKind.TrialBalance => ("TrialBalance", "Trial Balance", "Trial Balance", $"As at {ReportCells.LongDate(date)}", TrialBalanceReport.Rows(ledger, date)),
            _ => ("ExecutiveSummary", "Executive Summary", "Executive Summary",
                $"For the month of {date.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}", ExecutiveSummaryReport.Rows(ledger, date)),
        };
        return new XeroReport(id, name, id, [title, ledger.OrganisationName, period], ReportCells.LongDate(DateOnly.FromDateTime(now.UtcDateTime)), ReportCells.MsDate(now), [], rows);
    }
}
