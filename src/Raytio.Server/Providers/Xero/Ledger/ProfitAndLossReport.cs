namespace Raytio.Server.Providers.Xero.Ledger;

/// <summary>
/// Profit and loss for [from, to]: income, cost of sales, gross profit, other income, operating
/// expenses and net profit. Income is shown credit-positive, costs debit-positive; accounts with
/// no movement and sections with no account are left out, as Xero does.
/// </summary>
public static class ProfitAndLossReport
{
    public static IReadOnlyList<XeroReportRow> Rows(GeneralLedger ledger, DateOnly from, DateOnly to)
    {
        var movements = ledger.Movements(from, to);
        var rows = new List<XeroReportRow> { ReportCells.Header("", to.ToString("d MMM yy", System.Globalization.CultureInfo.InvariantCulture)) };
        var income = AddSection(rows, ledger, movements, "Income", "Total Income", -1m, AccountType.Revenue, AccountType.Sales);
        var costOfSales = AddSection(rows, ledger, movements, "Less Cost of Sales", "Total Cost of Sales", 1m, AccountType.DirectCosts);
        var grossProfit = income - costOfSales;
        rows.Add(ReportCells.Section("", [ReportCells.Row("Gross Profit", ReportCells.Money(grossProfit))]));
        var otherIncome = AddSection(rows, ledger, movements, "Plus Other Income", "Total Other Income", -1m, AccountType.OtherIncome);
        var expenses = AddSection(rows, ledger, movements, "Less Operating Expenses", "Total Operating Expenses", 1m, AccountType.Expense, AccountType.Overheads, AccountType.Depreciatn);
        rows.Add(ReportCells.Section("", [ReportCells.Row("Net Profit", ReportCells.Money(grossProfit + otherIncome - expenses))]));
        return rows;
    }

    /// <summary>Adds the section of the accounts of <paramref name="types"/> (signed by <paramref name="sign"/>) when any moved; returns its total.</summary>
    private static decimal AddSection(List<XeroReportRow> rows, GeneralLedger ledger, Dictionary<Guid, decimal> movements, string title, string totalLabel, decimal sign, params AccountType[] types)
    {
        var accounts = ledger.Accounts.Where(a => types.Contains(a.Type) && movements[a.Id] != 0m).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        var total = accounts.Sum(a => sign * movements[a.Id]);
        if (accounts.Count > 0)
        {
            rows.Add(ReportCells.Section(title, [
                .. accounts.Select(a => ReportCells.AccountRow(a, a.Name, ReportCells.Money(sign * movements[a.Id]))),
                ReportCells.Summary(totalLabel, ReportCells.Money(total)),
            ]));
        }
        return total;
    }
}
