namespace Raytio.Server.Features.PriceLists;

/// <summary>Exact decimal amounts as the price lists keep and answer them.</summary>
public static class ExactDecimals
{
    /// <summary>Decimal places kept for prices and quantities (the columns' scale).</summary>
    public const int MaxScale = PriceListColumns.Scale;

    /// <summary>
    /// Prices and quantities stay below these so that unit price x quantity (at most 15 + 12
    /// significant digits) is exact in a decimal's 28 digits and fits the columns.
    /// </summary>
    public const decimal PriceLimit = 1_000_000_000m;
    public const decimal QuantityLimit = 1_000_000m;

    /// <summary>The same value without trailing zeros (1.230000 is 1.23), as answers show it.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public static int ScaleOf(decimal value) => Normalize(value).Scale;

    /// <summary>Rounded half to even to the currency's minor unit, as a line's price.</summary>
    public static decimal ToMinorUnit(decimal value, string currency) =>
        Math.Round(value, Currencies.MinorUnitDigits(currency), MidpointRounding.ToEven);
}
