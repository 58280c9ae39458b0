namespace Raytio.Server.Features.PriceLists;

/// <summary>
/// Currency codes (ISO 4217: three letters, kept upper-case) and their minor units, which line
/// prices are rounded to. Two decimals unless the standard says otherwise.
/// </summary>
public static class Currencies
{
    // Space-separated: a three-letter code is found in a list only as one of its entries.
    private const string NoMinorUnit = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
    private const string ThreeDigitMinorUnit = "BHD IQD JOD KWD LYD OMR TND";
    private const string FourDigitMinorUnit = "CLF UYW";

    /// <summary>The code upper-cased, or null when it is not three ASCII letters.</summary>
    public static string? Normalize(string code) =>
        code.Length == 3 && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null;

    /// <summary>Decimal places of the currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD).</summary>
    public static int MinorUnitDigits(string currency) =>
        NoMinorUnit.Contains(currency, StringComparison.Ordinal) ? 0
        : ThreeDigitMinorUnit.Contains(currency, StringComparison.Ordinal) ? 3
        : FourDigitMinorUnit.Contains(currency, StringComparison.Ordinal) ? 4
        : 2;
}
