using Raytio.Server.Providers.Nzbn.Sandbox;
using Raytio.Server.Providers.Xero;
using Raytio.Server.Providers.Xero.Ledger;

namespace Raytio.Server.Tests.Xero;

/// <summary>
/// Property tests: on 300 random ledgers (every account type, any year end, balanced journals)
/// and random dates, the accounting identities hold in every report, and each report's totals
/// agree with sums taken straight from the journals and with the other reports.
/// </summary>
public sealed class LedgerIdentityTests
{
    private const int Ledgers = 300;
    private const int DatesPerLedger = 4;

    [Fact]
    public void Profit_and_loss_totals_its_sections_and_its_net_profit_is_the_journals_income_less_expenses()
    {
        ForEachLedgerAndDay((ledger, random, to) =>
        {
            var from = to.AddDays(-random.Next(0, 500));
            var rows = ProfitAndLossReport.Rows(ledger, from, to);
            AssertSectionsTotal(rows);
            var gross = rows.Amount("Total Income") - rows.Amount("Total Cost of Sales");
            Assert.Equal(gross, rows.Amount("Gross Profit"));
            Assert.Equal(gross + rows.Amount("Total Other Income") - rows.Amount("Total Operating Expenses"), rows.Amount("Net Profit"));
            Assert.Equal(ProfitFromJournals(ledger, from, to), rows.Amount("Net Profit"));
        });
    }

    [Fact]
    public void Balance_sheet_assets_less_liabilities_are_net_assets_and_equal_equity_with_the_year_s_earnings()
    {
        ForEachLedgerAndDay((ledger, _, date) =>
        {
            var rows = BalanceSheetReport.Rows(ledger, date);
            AssertSectionsTotal(rows);
            foreach (var (column, at) in new[] { (1, date), (2, date.AddYears(-1)) })
            {
                var netAssets = rows.Amount("Total Assets", column) - rows.Amount("Total Liabilities", column);
                Assert.Equal(netAssets, rows.Amount("Net Assets", column));
                Assert.Equal(netAssets, rows.Amount("Total Equity", column));
                Assert.Equal(Held(ledger, at, AccountClass.Asset), rows.Amount("Total Assets", column));
                Assert.Equal(ProfitFromJournals(ledger, ledger.YearStart(at), at), rows.Amount("Current Year Earnings", column));
            }
        });
    }

    [Fact]
    public void Trial_balance_debits_equal_credits_for_the_month_and_the_year_to_date()
    {
        ForEachLedgerAndDay((ledger, _, date) =>
        {
            var rows = TrialBalanceReport.Rows(ledger, date);
            var accounts = rows.Lines().Where(r => r.RowType == XeroReportRow.Row).ToList();
            for (var column = 1; column <= 4; column++)
            {
                Assert.Equal(accounts.Sum(r => ReportReading.Number(r.Cells![column].Value) ?? 0m), rows.Amount("Total", column));
            }
            Assert.Equal(rows.Amount("Total", 1), rows.Amount("Total", 2));
            Assert.Equal(rows.Amount("Total", 3), rows.Amount("Total", 4));
            Assert.All(accounts, r => Assert.True(r.Cells![1].Value == "" || r.Cells[2].Value == "", "an account in both columns"));
            var profitAndLoss = rows.Section("Revenue").Concat(rows.Section("Expenses"));
            Assert.Equal(-ProfitFromJournals(ledger, ledger.YearStart(date), date),
                profitAndLoss.Sum(r => (ReportReading.Number(r.Cells![3].Value) ?? 0m) - (ReportReading.Number(r.Cells[4].Value) ?? 0m)));
        });
    }

    [Fact]
    public void Executive_summary_agrees_with_the_profit_and_loss_the_balance_sheet_and_the_bank()
    {
        ForEachLedgerAndDay((ledger, _, date) =>
        {
            var rows = ExecutiveSummaryReport.Rows(ledger, date);
            var monthStart = new DateOnly(date.Year, date.Month, 1);
            Assert.Equal(ProfitFromJournals(ledger, monthStart, date), rows.Amount("Profit (loss)"));
            Assert.Equal(ProfitFromJournals(ledger, monthStart.AddMonths(-1), monthStart.AddDays(-1)), rows.Amount("Profit (loss)", 2));
            Assert.Equal(rows.Amount("Income") - rows.Amount("Direct costs"), rows.Amount("Gross profit (loss)"));
            Assert.Equal(rows.Amount("Cash received") - rows.Amount("Cash spent"), rows.Amount("Cash surplus (deficit)"));
            Assert.Equal(rows.Amount("Closing bank balance") - rows.Amount("Closing bank balance", 2), rows.Amount("Cash surplus (deficit)"));
            Assert.Equal(BalanceSheetReport.Rows(ledger, date).Amount("Net Assets"), rows.Amount("Net assets"));
            var receivable = ledger.Accounts.Single(a => a.System == SystemAccount.AccountsReceivable).Id;
            Assert.Equal(ledger.Movements(null, date)[receivable], rows.Amount("Debtors"));
        });
    }

    [Fact]
    public void An_unbalanced_journal_is_refused()
    {
        var ledger = RandomLedgers.Make(7);
        var account = ledger.Accounts[0].Id;

        Assert.Throws<ArgumentException>(() => new GeneralLedger("x", 3, ledger.Accounts, [new Journal(1, RandomLedgers.Start, JournalSource.ManJournal, "x", [new(account, 1.00m), new(account, -0.99m)])]));
    }

    private static void ForEachLedgerAndDay(Action<GeneralLedger, SeededRandom, DateOnly> check)
    {
        for (ulong seed = 1; seed <= Ledgers; seed++)
        {
            var ledger = RandomLedgers.Make(seed);
            var random = new SeededRandom(seed * 7919);
            for (var i = 0; i < DatesPerLedger; i++)
            {
                var day = RandomLedgers.Day(random);
                try
                {
                    check(ledger, random, day);
                }
                catch (Exception failed) when (failed is Xunit.Sdk.XunitException)
                {
                    throw new Xunit.Sdk.XunitException($"ledger seed {seed}, {day:yyyy-MM-dd}, year end month {ledger.YearEndMonth}: {failed.Message}");
                }
            }
        }
    }

    /// <summary>Every section with a SummaryRow totals its account rows.</summary>
    private static void AssertSectionsTotal(IReadOnlyList<XeroReportRow> rows)
    {
        foreach (var section in rows.Where(r => r.RowType == XeroReportRow.Section && r.Rows is { Count: > 0 }))
        {
            if (section.Rows!.LastOrDefault(r => r.RowType == XeroReportRow.SummaryRow) is { } total && section.Rows!.Any(r => r.RowType == XeroReportRow.Row && r.Cells![0].Attributes is not null))
            {
                for (var column = 1; column < total.Cells!.Count; column++)
                {
                    var sum = section.Rows!.Where(r => r.RowType == XeroReportRow.Row).Sum(r => ReportReading.Number(r.Cells![column].Value) ?? 0m);
                    Assert.Equal(sum, ReportReading.Number(total.Cells[column].Value));
                }
            }
        }
    }

    /// <summary>Income less expenses over [from, to], straight from the journal lines.</summary>
    private static decimal ProfitFromJournals(GeneralLedger ledger, DateOnly from, DateOnly to) =>
        -ledger.Journals.Where(j => j.Date >= from && j.Date <= to).SelectMany(j => j.Lines)
            .Where(l => AccountTypes.IsProfitAndLoss(ledger.ById[l.AccountId].Type)).Sum(l => l.Amount);

    private static decimal Held(GeneralLedger ledger, DateOnly at, AccountClass accountClass) =>
        ledger.Journals.Where(j => j.Date <= at).SelectMany(j => j.Lines).Where(l => AccountTypes.ClassOf(ledger.ById[l.AccountId].Type) == accountClass).Sum(l => l.Amount);
}
