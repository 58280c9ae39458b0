using Raytio.Server.Providers.Nzbn.Sandbox;
using Raytio.Server.Providers.Xero.Ledger;

namespace Raytio.Server.Tests.Xero;

/// <summary>Random ledgers for the property tests: a chart with every account type, balanced journals of 2-5 lines over three years, any year end.</summary>
internal static class RandomLedgers
{
    public static readonly DateOnly Start = new(2024, 1, 1);

    public static GeneralLedger Make(ulong seed)
    {
        var random = new SeededRandom(seed);
        var accounts = new List<LedgerAccount>
        {
            Account(random, "610", AccountType.Current, SystemAccount.AccountsReceivable),
            Account(random, "800", AccountType.CurrLiab, SystemAccount.AccountsPayable),
            Account(random, "960", AccountType.Equity, SystemAccount.RetainedEarnings),
        };
        var code = 100;
        foreach (var type in Enum.GetValues<AccountType>())
        {
            for (var count = random.Next(1, 3); count > 0; count--)
            {
                accounts.Add(Account(random, (code++).ToString(System.Globalization.CultureInfo.InvariantCulture), type));
            }
        }
        var journals = new List<Journal>();
        for (var number = 1; number <= random.Next(0, 250); number++)
        {
            var lines = new List<JournalLine>();
            for (var count = random.Next(1, 5); count > 0; count--)
            {
                lines.Add(new JournalLine(random.Pick(accounts).Id, (random.Next(-500_000, 500_000) / 100m)));
            }
            lines.Add(new JournalLine(random.Pick(accounts).Id, -lines.Sum(l => l.Amount)));
            journals.Add(new Journal(number, Start.AddDays(random.Next(0, 3 * 365)), random.Pick(Enum.GetValues<JournalSource>()), "random", lines));
        }
        return new GeneralLedger("Random Ledger Ltd", random.Next(1, 13), accounts, journals);
    }

    /// <summary>A day within (and a little around) the ledger's three years.</summary>
    public static DateOnly Day(SeededRandom random) => Start.AddDays(random.Next(-40, 3 * 365 + 40));

    private static LedgerAccount Account(SeededRandom random, string code, AccountType type, SystemAccount system = SystemAccount.None) =>
        new(new Guid((int)random.NextUInt64(), 0, 0, BitConverter.GetBytes(random.NextUInt64())), code, $"{type} {code}", type, system);
}
