namespace Raytio.Server.Providers.Xero.Ledger;

/// <summary>The roles the reports need to recognise: receivables, payables and retained earnings.</summary>
public enum SystemAccount
{
    None,
    AccountsReceivable,
    AccountsPayable,
    RetainedEarnings,
}

public sealed record LedgerAccount(Guid Id, string Code, string Name, AccountType Type, SystemAccount System = SystemAccount.None)
{
    /// <summary>As Xero's trial balance names an account: "Sales (200)".</summary>
    public string Label => $"{Name} ({Code})";
}

/// <summary>Xero's journal source types the reports tell apart (sales invoices count in the executive summary).</summary>
public enum JournalSource
{
    AccRec,
    AccPay,
    CashRec,
    CashPaid,
    ManJournal,
}

/// <summary>One line: a debit when <see cref="Amount"/> is positive, a credit when negative (exact decimals).</summary>
public sealed record JournalLine(Guid AccountId, decimal Amount);

public sealed record Journal(int Number, DateOnly Date, JournalSource Source, string Narration, IReadOnlyList<JournalLine> Lines);

/// <summary>
/// A company's ledger: its chart of accounts and its journals (each balanced: debits equal
/// credits), with the end month of its financial year. Every report is computed from the sums
/// here; nothing is stored per report.
/// </summary>
public sealed class GeneralLedger
{
    private readonly Journal[] _journals;

    public GeneralLedger(string organisationName, int yearEndMonth, IReadOnlyList<LedgerAccount> accounts, IEnumerable<Journal> journals)
    {
        if (yearEndMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(yearEndMonth), yearEndMonth, "a month, 1 to 12");
        }
        OrganisationName = organisationName;
        YearEndMonth = yearEndMonth;
        Accounts = accounts;
        ById = accounts.ToDictionary(a => a.Id);
        _journals = [.. journals.OrderBy(j => j.Date).ThenBy(j => j.Number)];
        foreach (var journal in _journals)
        {
            if (journal.Lines.Sum(l => l.Amount) != 0m || journal.Lines.Any(l => !ById.ContainsKey(l.AccountId)))
            {
                throw new ArgumentException($"Journal {journal.Number} does not balance or names an account not in the chart.", nameof(journals));
            }
        }
        RetainedEarnings = accounts.Single(a => a.System == SystemAccount.RetainedEarnings);
    }

    public string OrganisationName { get; }

    /// <summary>The financial year ends on the last day of this month (New Zealand's usual: 3, March).</summary>
    public int YearEndMonth { get; }

    public IReadOnlyList<LedgerAccount> Accounts { get; }

    public IReadOnlyDictionary<Guid, LedgerAccount> ById { get; }

    public IReadOnlyList<Journal> Journals => _journals;

    public LedgerAccount RetainedEarnings { get; }

    /// <summary>The first day of the financial year <paramref name="date"/> falls in.</summary>
    public DateOnly YearStart(DateOnly date)
    {
        var startMonth = YearEndMonth % 12 + 1;
        return new DateOnly(date.Month >= startMonth ? date.Year : date.Year - 1, startMonth, 1);
    }

    /// <summary>Net debit movement of every account over [from, to] (both included; null from = since the beginning).</summary>
    public Dictionary<Guid, decimal> Movements(DateOnly? from, DateOnly to)
    {
        var sums = Accounts.ToDictionary(a => a.Id, _ => 0m);
        foreach (var journal in JournalsIn(from, to))
        {
            foreach (var line in journal.Lines)
            {
                sums[line.AccountId] += line.Amount;
            }
        }
        return sums;
    }

    public IEnumerable<Journal> JournalsIn(DateOnly? from, DateOnly to) =>
        _journals.Where(j => (from is null || j.Date >= from) && j.Date <= to);

    /// <summary>
    /// Debit balances as at <paramref name="date"/> with the year closed as Xero shows it: income and
    /// expense accounts hold this financial year's movements only, earlier years' profit sits in
    /// retained earnings. The balances still sum to zero.
    /// </summary>
    public Dictionary<Guid, decimal> ClosedBalances(DateOnly date)
    {
        var balances = Movements(null, date);
        var yearStart = YearStart(date);
        var before = Movements(null, yearStart.AddDays(-1));
        foreach (var account in Accounts.Where(a => AccountTypes.IsProfitAndLoss(a.Type)))
        {
            balances[account.Id] -= before[account.Id];
            balances[RetainedEarnings.Id] += before[account.Id];
        }
        return balances;
    }
}
