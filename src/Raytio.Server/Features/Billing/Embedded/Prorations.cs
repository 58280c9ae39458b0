namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// Stripe's proration: a change at a moment of the current period credits the unused time of
/// what was billed and charges the remaining time of what replaces it, each as the full amount
/// times the remaining share of the period (by the second), rounded half to even to a minor unit.
/// </summary>
public static class Prorations
{
    public static long Remaining(long fullAmount, long at, long periodStart, long periodEnd)
    {
        if (periodEnd <= periodStart)
        {
            throw new ArgumentException("A period must end after it starts.", nameof(periodEnd));
        }
        var remaining = Math.Clamp(periodEnd - at, 0, periodEnd - periodStart);
        return (long)Math.Round((decimal)fullAmount * remaining / (periodEnd - periodStart), MidpointRounding.ToEven);
    }
}
