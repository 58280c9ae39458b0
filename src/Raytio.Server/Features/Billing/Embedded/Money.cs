using System.Globalization;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>Minor units per currency (ISO 4217 exponents, as Stripe uses them) and tax on a line.</summary>
public static class Money
{
    private static readonly HashSet<string> ZeroDecimal =
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    private static readonly HashSet<string> ThreeDecimal = ["bhd", "jod", "kwd", "omr", "tnd"];

    public static int Exponent(string currency) => ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>`NZD 49.00`: minor units shown in major units, exactly.</summary>
    public static string Format(long amount, string currency)
    {
        var exponent = Exponent(currency);
        var major = amount / (decimal)Pow10(exponent);
        return currency.ToUpperInvariant() + " " + major.ToString("F" + exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Tax on an amount, rounded half to even to a minor unit (negative for a credit): exclusive,
    /// the rate's share added on top (amount × p / 100); inclusive, the part of the amount that is
    /// tax (amount × p / (100 + p)).
    /// </summary>
    public static long Tax(long amount, decimal percentage, bool inclusive = false) =>
        (long)Math.Round(amount * percentage / (inclusive ? 100m + percentage : 100m), MidpointRounding.ToEven);

    private static long Pow10(int exponent) => exponent switch { 0 => 1, 2 => 100, _ => 1000 };
}
