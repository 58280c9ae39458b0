using System.Globalization;

namespace Raytio.Server.Providers.Xero.Ledger;

/// <summary>
/// Executive summary for the month of a date (its first day to the date) beside the whole month
/// before, with the variance between them, in Xero's sections: Cash, Profitability, Balance
/// Sheet, Income, Performance and Position. docs/XERO.md gives each figure's definition.
/// </summary>
public static class ExecutiveSummaryReport
{
    public static IReadOnlyList<XeroReportRow> Rows(GeneralLedger ledger, DateOnly date)
    {
        var currentStart = new DateOnly(date.Year, date.Month, 1);
        var current = Figures.Of(ledger, currentStart, date);
        var previous = Figures.Of(ledger, currentStart.AddMonths(-1), currentStart.AddDays(-1));
        XeroReportRow Money(string label, Func<Figures, decimal> figure) =>
            ReportCells.Row(label, ReportCells.Money(figure(current)), ReportCells.Money(figure(previous)), Variance(figure(current), figure(previous)));
        XeroReportRow Share(string label, Func<Figures, decimal?> figure) =>
            ReportCells.Row(label, ReportCells.Percent(figure(current)), ReportCells.Percent(figure(previous)), Variance(figure(current), figure(previous)));
        XeroReportRow Number(string label, Func<Figures, decimal?> figure) =>
            ReportCells.Row(label, Plain(figure(current)), Plain(figure(previous)), Variance(figure(current), figure(previous)));
        return
        [
            ReportCells.Header("", Month(currentStart), Month(currentStart.AddMonths(-1)), "Variance"),
            ReportCells.Section("Cash", [
                Money("Cash received", f => f.CashReceived), Money("Cash spent", f => f.CashSpent),
                Money("Cash surplus (deficit)", f => f.CashReceived - f.CashSpent), Money("Closing bank balance", f => f.ClosingBank),
            ]),
            ReportCells.Section("Profitability", [
                Money("Income", f => f.Income), Money("Direct costs", f => f.DirectCosts), Money("Gross profit (loss)", f => f.GrossProfit),
                Money("Other Income", f => f.OtherIncome), Money("Expenses", f => f.Expenses), Money("Profit (loss)", f => f.Profit),
            ]),
            ReportCells.Section("Balance Sheet", [Money("Debtors", f => f.Debtors), Money("Creditors", f => f.Creditors), Money("Net assets", f => f.NetAssets)]),
            ReportCells.Section("Income", [
                ReportCells.Row("Number of invoices issued", Count(current.Invoices), Count(previous.Invoices), Variance(current.Invoices, previous.Invoices)),
                Money("Average value of invoices", f => f.Invoices == 0 ? 0m : f.InvoicedTotal / f.Invoices),
            ]),
            ReportCells.Section("Performance", [
                Share("Gross profit margin", f => ReportCells.Ratio(f.GrossProfit, f.Income)),
                Share("Net profit margin", f => ReportCells.Ratio(f.Profit, f.Income + f.OtherIncome)),
                Share("Return on investment (p.a.)", f => ReportCells.Ratio(f.Profit * 365m / f.Days, f.NetAssets)),
            ]),
            ReportCells.Section("Position", [
                Number("Average debtors days", f => ReportCells.Ratio(f.Debtors * f.Days, f.Income)),
                Number("Average creditors days", f => ReportCells.Ratio(-f.Creditors * f.Days, f.DirectCosts + f.Expenses)),
                Number("Short term cash forecast", f => f.Debtors + f.Creditors),
                Number("Current assets to liabilities", f => ReportCells.Ratio(f.CurrentAssets, f.CurrentLiabilities)),
                Number("Term assets to liabilities", f => ReportCells.Ratio(f.TermAssets, f.TermLiabilities)),
            ]),
        ];
    }

    private static string Month(DateOnly date) => date.ToString("MMM yyyy", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Plain(decimal? value) => value is { } number ? ReportCells.Money(number) : "";

    /// <summary>The change as a share of the earlier value's size; "0.0%" when either side is missing or the earlier one is zero (as Xero writes it).</summary>
    private static string Variance(decimal? now, decimal? before) =>
        now is { } current && before is { } earlier && earlier != 0m ? ReportCells.Percent((current - earlier) / Math.Abs(earlier)) : "0.0%";

    /// <summary>One column's figures: movements over [from, to] and balances at <c>to</c>; debit-positive balances, so creditors are negative as in Xero's example.</summary>
    internal sealed record Figures(
        int Days, decimal CashReceived, decimal CashSpent, decimal ClosingBank, decimal Income, decimal DirectCosts, decimal OtherIncome, decimal Expenses,
        decimal Debtors, decimal Creditors, decimal NetAssets, int Invoices, decimal InvoicedTotal,
        decimal CurrentAssets, decimal CurrentLiabilities, decimal TermAssets, decimal TermLiabilities)
    {
        public decimal GrossProfit => Income - DirectCosts;

        public decimal Profit => GrossProfit + OtherIncome - Expenses;

        public static Figures Of(GeneralLedger ledger, DateOnly from, DateOnly to)
        {
            var movements = ledger.Movements(from, to);
            var balances = ledger.Movements(null, to);
            decimal Moved(params AccountType[] types) => ledger.Accounts.Where(a => types.Contains(a.Type)).Sum(a => movements[a.Id]);
            decimal Held(Func<LedgerAccount, bool> which) => ledger.Accounts.Where(which).Sum(a => balances[a.Id]);
            var banks = ledger.Accounts.Where(a => a.Type == AccountType.Bank).Select(a => a.Id).ToHashSet();
            // Per journal, so a transfer between two bank accounts is neither received nor spent.
            var bankChanges = ledger.JournalsIn(from, to).Select(j => j.Lines.Where(l => banks.Contains(l.AccountId)).Sum(l => l.Amount)).ToList();
            var receivables = ledger.Accounts.Where(a => a.System == SystemAccount.AccountsReceivable).Select(a => a.Id).ToHashSet();
            var invoices = ledger.JournalsIn(from, to).Where(j => j.Source == JournalSource.AccRec).ToList();
            var assets = Held(a => AccountTypes.ClassOf(a.Type) == AccountClass.Asset);
            var liabilities = -Held(a => AccountTypes.ClassOf(a.Type) == AccountClass.Liability);
            var currentAssets = Held(a => a.Type is AccountType.Bank or AccountType.Current or AccountType.Inventory or AccountType.Prepayment);
            return new Figures(
                to.DayNumber - from.DayNumber + 1,
                bankChanges.Where(c => c > 0m).Sum(), -bankChanges.Where(c => c < 0m).Sum(), Held(a => banks.Contains(a.Id)),
                -Moved(AccountType.Revenue, AccountType.Sales), Moved(AccountType.DirectCosts), -Moved(AccountType.OtherIncome),
                Moved(AccountType.Expense, AccountType.Overheads, AccountType.Depreciatn),
                Held(a => a.System == SystemAccount.AccountsReceivable), Held(a => a.System == SystemAccount.AccountsPayable), assets - liabilities,
                invoices.Count, invoices.Sum(j => j.Lines.Where(l => receivables.Contains(l.AccountId)).Sum(l => l.Amount)),
                currentAssets, -Held(a => a.Type == AccountType.CurrLiab), assets - currentAssets, -Held(a => a.Type == AccountType.TermLiab));
        }
    }
}
