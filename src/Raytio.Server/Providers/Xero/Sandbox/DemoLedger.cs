using Raytio.Server.Providers.Xero.Ledger;

namespace Raytio.Server.Providers.Xero.Sandbox;

/// <summary>
/// The Sandbox's demo ledger for the current month (the 24 months ending with it), generated on
/// first use and again when the month changes, so "today" always falls inside the ledger.
/// </summary>
public sealed class DemoLedger(ulong seed, TimeProvider time)
{
    private readonly Lock _gate = new();
    private (DateOnly Month, GeneralLedger Ledger)? _current;

    public GeneralLedger Current
    {
        get
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var month = new DateOnly(today.Year, today.Month, 1);
            lock (_gate)
            {
                if (_current is not { } built || built.Month != month)
                {
                    _current = built = (month, new DemoLedgerGenerator(seed).Generate(month));
                }
                return built.Ledger;
            }
        }
    }
}
