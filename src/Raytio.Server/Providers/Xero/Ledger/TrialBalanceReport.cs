namespace Raytio.Server.Providers.Xero.Ledger;

/// <summary>
/// Trial balance as at a date, in Xero's columns: Debit / Credit are each account's net movement
/// in the month up to the date, YTD Debit / YTD Credit its balance with the year closed (income
/// and expenses: this financial year's movements; the rest: the balance since the beginning,
/// earlier years' profit in retained earnings). Both pairs of columns total the same, because
/// every journal balances.
/// </summary>
public static class TrialBalanceReport
{
    private static readonly (string Title, AccountClass Class)[] Sections =
    [
        ("Revenue", AccountClass.Revenue), ("Expenses", AccountClass.Expense), ("Assets", AccountClass.Asset),
        ("Liabilities", AccountClass.Liability), ("Equity", AccountClass.Equity),
    ];

    public static IReadOnlyList<XeroReportRow> Rows(GeneralLedger ledger, DateOnly date)
    {
        var month = ledger.Movements(new DateOnly(date.Year, date.Month, 1), date);
        var yearToDate = ledger.ClosedBalances(date);
        var rows = new List<XeroReportRow> { ReportCells.Header("Account", "Debit", "Credit", "YTD Debit", "YTD Credit") };
        decimal debit = 0m, credit = 0m, ytdDebit = 0m, ytdCredit = 0m;
        foreach (var (title, accountClass) in Sections)
        {
            var accounts = ledger.Accounts
                .Where(a => AccountTypes.ClassOf(a.Type) == accountClass && (month[a.Id] != 0m || yearToDate[a.Id] != 0m))
                .OrderBy(a => a.Name, StringComparer.Ordinal)
                .ToList();
            if (accounts.Count == 0)
            {
                continue;
            }
            rows.Add(ReportCells.Section(title, [.. accounts.Select(a =>
            {
                var debitNatured = AccountTypes.IsDebitNatured(a.Type);
                var (d, c) = Split(month[a.Id], debitNatured);
                var (yd, yc) = Split(yearToDate[a.Id], debitNatured);
                debit += d ?? 0m;
                credit += c ?? 0m;
                ytdDebit += yd ?? 0m;
                ytdCredit += yc ?? 0m;
                return ReportCells.AccountRow(a, a.Label, Cell(d), Cell(c), Cell(yd), Cell(yc));
            })]));
        }
        rows.Add(ReportCells.Section("", [ReportCells.Summary("Total", ReportCells.Money(debit), ReportCells.Money(credit), ReportCells.Money(ytdDebit), ReportCells.Money(ytdCredit))]));
        return rows;
    }

    /// <summary>A debit balance in the debit column, a credit one in the credit column; zero on the account's natural side.</summary>
    private static (decimal? Debit, decimal? Credit) Split(decimal balance, bool debitNatured) => balance switch
    {
        > 0m => (balance, null),
        < 0m => (null, -balance),
        _ => debitNatured ? (0m, null) : (null, 0m),
    };

    private static string Cell(decimal? value) => value is { } amount ? ReportCells.Money(amount) : "";
}
