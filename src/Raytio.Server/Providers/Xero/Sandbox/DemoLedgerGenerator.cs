using Raytio.Server.Providers.Nzbn.Sandbox;
using Raytio.Server.Providers.Xero.Ledger;

namespace Raytio.Server.Providers.Xero.Sandbox;

/// <summary>
/// Makes the Sandbox's demo company ledger (docs/XERO.md, "Sandbox ledger"): the
/// <see cref="DemoChart"/> and the journals of the <see cref="Months"/> months ending with a
/// given month. The same seed and month give the same ledger on every machine. Each month has
/// rent, wages, bank fees, a loan repayment, depreciation and interest; sales invoices (with
/// GST at 15% and their cost of goods) and supplier bills, paid 1-7 weeks later (some invoices
/// never are); stock purchases, occasional transfers and drawings; GST settled every second
/// month. The first day brings in the owner's funds, a loan and the office equipment.
/// </summary>
public sealed class DemoLedgerGenerator(ulong seed)
{
    public const ulong DefaultSeed = 20_260_401;

    public const int Months = 24;

    /// <summary>New Zealand's usual financial year: April to March.</summary>
    public const int YearEndMonth = 3;

    private const decimal GstRate = 0.15m;

    private readonly SeededRandom _random = new(seed);
    private readonly List<Journal> _journals = [];

    /// <summary>The ledger whose last month is the month of <paramref name="lastMonth"/>.</summary>
    public GeneralLedger Generate(DateOnly lastMonth)
    {
        var end = new DateOnly(lastMonth.Year, lastMonth.Month, 1).AddMonths(1).AddDays(-1);
        var start = new DateOnly(end.Year, end.Month, 1).AddMonths(1 - Months);
        Opening(start);
        for (var month = start; month <= end; month = month.AddMonths(1))
        {
            Month(month);
        }
        return new GeneralLedger(DemoChart.OrganisationName, YearEndMonth, DemoChart.Accounts, _journals.Where(j => j.Date <= end));
    }

    private void Opening(DateOnly day)
    {
        Post(day, JournalSource.CashRec, "Owner's funds introduced", (DemoChart.BusinessBank, 60_000m), (DemoChart.FundsIntroduced, -60_000m));
        Post(day, JournalSource.CashRec, "Business loan drawn down", (DemoChart.BusinessBank, 30_000m), (DemoChart.Loan, -30_000m));
        Post(day, JournalSource.CashPaid, "Office equipment", (DemoChart.OfficeEquipment, 12_000m), (DemoChart.Gst, 1_800m), (DemoChart.BusinessBank, -13_800m));
        Bill(day, DemoChart.Inventory, 9_000m, "Opening stock");
    }

    private void Month(DateOnly first)
    {
        var days = DateTime.DaysInMonth(first.Year, first.Month);
        var last = first.AddDays(days - 1);
        Post(first, JournalSource.CashPaid, "Rent", (DemoChart.Rent, 2_500m), (DemoChart.Gst, 375m), (DemoChart.BusinessBank, -2_875m));
        foreach (var payday in new[] { first.AddDays(14), last })
        {
            var wages = Cents(5_200, 6_400);
            Post(payday, JournalSource.CashPaid, "Wages", (DemoChart.Wages, wages), (DemoChart.BusinessBank, -wages));
        }
        var interest = Cents(150, 260);
        Post(first.AddDays(19), JournalSource.CashPaid, "Loan repayment", (DemoChart.Loan, 800m), (DemoChart.InterestExpense, interest), (DemoChart.BusinessBank, -800m - interest));
        var fees = Cents(12, 65);
        Post(last, JournalSource.CashPaid, "Bank fees", (DemoChart.BankFees, fees), (DemoChart.BusinessBank, -fees));
        Post(last, JournalSource.ManJournal, "Depreciation", (DemoChart.DepreciationExpense, 200m), (DemoChart.Depreciation, -200m));
        var earned = Cents(20, 140);
        Post(last, JournalSource.CashRec, "Savings interest", (DemoChart.Savings, earned), (DemoChart.InterestIncome, -earned));

        var costOfSales = 0m;
        for (var count = _random.Next(6, 15); count > 0; count--)
        {
            costOfSales += Invoice(Day(first, days));
        }
        Bill(Day(first, days), DemoChart.Inventory, Math.Round(costOfSales * (0.9m + _random.Next(0, 21) / 100m), 2), "Stock purchase");
        foreach (var (account, from, to, chance) in new[]
        {
            (DemoChart.Advertising, 300, 1_500, 0.6), (DemoChart.Consulting, 500, 2_400, 0.4), (DemoChart.Power, 180, 420, 1.0),
            (DemoChart.Telephone, 90, 240, 1.0), (DemoChart.GeneralExpenses, 40, 600, 0.7),
        })
        {
            if (_random.Chance(chance))
            {
                Bill(Day(first, days), account, Cents(from, to), account.Name);
            }
        }
        if (_random.Chance(0.3))
        {
            var moved = Cents(2_000, 8_000);
            Post(first.AddDays(24), JournalSource.ManJournal, "Transfer to savings", (DemoChart.Savings, moved), (DemoChart.BusinessBank, -moved));
        }
        if (_random.Chance(0.4))
        {
            var drawn = Cents(1_000, 3_000);
            Post(Day(first, days), JournalSource.CashPaid, "Owner drawings", (DemoChart.Drawings, drawn), (DemoChart.BusinessBank, -drawn));
        }
        if (first.Month % 2 == 0)
        {
            SettleGst(first.AddDays(27));
        }
    }

    /// <summary>A sales invoice, its cost of goods out of stock, and (usually) its payment; returns the cost.</summary>
    private decimal Invoice(DateOnly day)
    {
        var net = Cents(400, 6_500);
        var gst = Math.Round(net * GstRate, 2, MidpointRounding.AwayFromZero);
        var income = _random.Chance(0.1) ? DemoChart.OtherRevenue : DemoChart.Sales;
        Post(day, JournalSource.AccRec, "Invoice", (DemoChart.Receivable, net + gst), (income, -net), (DemoChart.Gst, -gst));
        var cost = Math.Round(net * 0.4m, 2, MidpointRounding.AwayFromZero);
        Post(day, JournalSource.ManJournal, "Cost of goods sold", (DemoChart.CostOfGoods, cost), (DemoChart.Inventory, -cost));
        if (_random.Chance(0.93))
        {
            Post(day.AddDays(_random.Next(7, 50)), JournalSource.CashRec, "Invoice payment", (DemoChart.BusinessBank, net + gst), (DemoChart.Receivable, -(net + gst)));
        }
        return cost;
    }

    private void Bill(DateOnly day, LedgerAccount account, decimal net, string narration)
    {
        var gst = Math.Round(net * GstRate, 2, MidpointRounding.AwayFromZero);
        Post(day, JournalSource.AccPay, narration, (account, net), (DemoChart.Gst, gst), (DemoChart.Payable, -(net + gst)));
        Post(day.AddDays(_random.Next(7, 45)), JournalSource.CashPaid, "Bill payment", (DemoChart.Payable, net + gst), (DemoChart.BusinessBank, -(net + gst)));
    }

    /// <summary>Pays (or is refunded) the GST collected less the GST paid on everything dated before <paramref name="day"/>.</summary>
    private void SettleGst(DateOnly day)
    {
        var owed = -_journals.Where(j => j.Date < day).SelectMany(j => j.Lines).Where(l => l.AccountId == DemoChart.Gst.Id).Sum(l => l.Amount);
        if (owed != 0m)
        {
            Post(day, JournalSource.ManJournal, "GST return", (DemoChart.Gst, owed), (DemoChart.BusinessBank, -owed));
        }
    }

    private void Post(DateOnly day, JournalSource source, string narration, params (LedgerAccount Account, decimal Amount)[] lines) =>
        _journals.Add(new Journal(_journals.Count + 1, day, source, narration, [.. lines.Select(l => new JournalLine(l.Account.Id, l.Amount))]));

    private DateOnly Day(DateOnly first, int days) => first.AddDays(_random.Next(0, days));

    /// <summary>An amount in whole cents between the two dollar bounds.</summary>
    private decimal Cents(int fromDollars, int toDollars) => _random.Next(fromDollars * 100, toDollars * 100) / 100m;
}
