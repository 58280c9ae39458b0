namespace Raytio.Server.Providers.Xero.Ledger;

/// <summary>
/// Balance sheet as at a date, with the same date a year earlier beside it (as the reference's
/// example shows): assets debit-positive, liabilities and equity credit-positive, so that
/// Total Assets - Total Liabilities = Net Assets = Total Equity. Equity holds this financial
/// year's profit as "Current Year Earnings" and earlier years' in retained earnings.
/// </summary>
public static class BalanceSheetReport
{
    private static readonly (string Title, AccountType[] Types)[] AssetSections =
    [
        ("Bank", [AccountType.Bank]),
        ("Current Assets", [AccountType.Current, AccountType.Inventory, AccountType.Prepayment]),
        ("Fixed Assets", [AccountType.Fixed]),
        ("Non-current Assets", [AccountType.NonCurrent]),
    ];

    private static readonly (string Title, AccountType[] Types)[] LiabilitySections =
    [
        ("Current Liabilities", [AccountType.CurrLiab]),
        ("Non-current Liabilities", [AccountType.TermLiab]),
    ];

    public static IReadOnlyList<XeroReportRow> Rows(GeneralLedger ledger, DateOnly date)
    {
        DateOnly[] dates = [date, date.AddYears(-1)];
        var balances = dates.Select(ledger.ClosedBalances).ToArray();
        var rows = new List<XeroReportRow> { ReportCells.Header(["", .. dates.Select(ReportCells.ShortDate)]) };

        rows.Add(ReportCells.Section("Assets", []));
        var assets = new decimal[dates.Length];
        foreach (var (title, types) in AssetSections)
        {
            Add(assets, AddSection(rows, ledger, balances, title, 1m, types));
        }
        rows.Add(ReportCells.Section("", [ReportCells.Summary("Total Assets", Money(assets))]));

        rows.Add(ReportCells.Section("Liabilities", []));
        var liabilities = new decimal[dates.Length];
        foreach (var (title, types) in LiabilitySections)
        {
            Add(liabilities, AddSection(rows, ledger, balances, title, -1m, types));
        }
        rows.Add(ReportCells.Section("", [ReportCells.Summary("Total Liabilities", Money(liabilities))]));
        rows.Add(ReportCells.Section("", [ReportCells.Row("Net Assets", Money([.. assets.Zip(liabilities, (a, l) => a - l)]))]));

        var currentYearEarnings = balances.Select(b => -ledger.Accounts.Where(a => AccountTypes.IsProfitAndLoss(a.Type)).Sum(a => b[a.Id])).ToArray();
        var equityAccounts = Shown(ledger, balances, AccountType.Equity);
        var equity = currentYearEarnings.Select((earnings, column) => earnings - equityAccounts.Sum(a => balances[column][a.Id])).ToArray();
        rows.Add(ReportCells.Section("Equity", [
            ReportCells.Row("Current Year Earnings", Money(currentYearEarnings)),
            .. equityAccounts.Select(a => ReportCells.AccountRow(a, a.Name, Money([.. balances.Select(b => -b[a.Id])]))),
            ReportCells.Summary("Total Equity", Money(equity)),
        ]));
        return rows;
    }

    private static decimal[] AddSection(List<XeroReportRow> rows, GeneralLedger ledger, Dictionary<Guid, decimal>[] balances, string title, decimal sign, AccountType[] types)
    {
        var accounts = Shown(ledger, balances, types);
        var totals = balances.Select(b => accounts.Sum(a => sign * b[a.Id])).ToArray();
        if (accounts.Count > 0)
        {
            rows.Add(ReportCells.Section(title, [
                .. accounts.Select(a => ReportCells.AccountRow(a, a.Name, Money([.. balances.Select(b => sign * b[a.Id])]))),
                ReportCells.Summary("Total " + title, Money(totals)),
            ]));
        }
        return totals;
    }

    /// <summary>The accounts of these types with a balance in any column, by code.</summary>
    private static List<LedgerAccount> Shown(GeneralLedger ledger, Dictionary<Guid, decimal>[] balances, params AccountType[] types) =>
        [.. ledger.Accounts.Where(a => types.Contains(a.Type) && balances.Any(b => b[a.Id] != 0m)).OrderBy(a => a.Code, StringComparer.Ordinal)];

    private static void Add(decimal[] into, decimal[] values)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += values[i];
        }
    }

    private static string[] Money(decimal[] values) => [.. values.Select(ReportCells.Money)];
}
