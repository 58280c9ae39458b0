using Raytio.Server.Features.Billing.Embedded;

namespace Raytio.Server.Features.Billing.Metering;

/// <summary>
/// A credit is one major unit of the meter's currency (a credit bundle of NZD 100.00 holds 100
/// credits). Credits are stored in millionths, the scale of a price list's `credit_unit`, so every
/// conversion here is exact but the one to minor units, which rounds half to even.
/// </summary>
public static class CreditUnits
{
    public const long PerCredit = 1_000_000;

    public static long ToMicro(decimal credits) => decimal.ToInt64(credits * PerCredit);

    public static decimal FromMicro(long microcredits) => (decimal)microcredits / PerCredit;

    /// <summary>Credits worth <paramref name="minorUnits"/> of <paramref name="currency"/> (lower case), in millionths.</summary>
    public static long MicroFromMinor(long minorUnits, string currency) => decimal.ToInt64(minorUnits * PerCredit / MinorPerMajor(currency));

    /// <summary>What <paramref name="credits"/> cost in minor units of <paramref name="currency"/>, rounded half to even.</summary>
    public static long ToMinor(decimal credits, string currency) => decimal.ToInt64(Math.Round(credits * MinorPerMajor(currency), MidpointRounding.ToEven));

    private static decimal MinorPerMajor(string currency)
    {
        var factor = 1m;
        for (var i = 0; i < Money.Exponent(currency); i++)
        {
            factor *= 10;
        }
        return factor;
    }
}
