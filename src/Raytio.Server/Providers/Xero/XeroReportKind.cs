namespace Raytio.Server.Providers.Xero;

/// <summary>The four reports of operations 115-118, by the name of their Xero endpoint (`/Reports/{Endpoint}`).</summary>
public enum XeroReportKind
{
    ExecutiveSummary,
    ProfitAndLoss,
    BalanceSheet,
    TrialBalance,
}

/// <summary>
/// What a report is asked for: the profit and loss covers <see cref="From"/> to <see cref="To"/>
/// (both days included); the others are as at <see cref="To"/> (Xero's `date`), and
/// <see cref="From"/> is then null.
/// </summary>
public sealed record XeroReportRequest(XeroReportKind Kind, DateOnly? From, DateOnly To);
