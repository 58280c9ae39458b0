using System.Globalization;
using System.Numerics;
using Raytio.Server.Features.PriceLists;

namespace Raytio.Server.Tests.PriceLists;

/// <summary>Line prices against an independent computation in big integers (units of 10^-12).</summary>
public sealed class ExactDecimalsTests
{
    [Fact]
    public void Line_prices_equal_the_exact_product_rounded_half_to_even_over_the_whole_range()
    {
        var random = new Random(20261127);
        foreach (var currency in new[] { "EUR", "JPY", "KWD", "CLF" })
        {
            for (var i = 0; i < 20_000; i++)
            {
                // Up to 15 and 12 digits with 6 decimals each: the largest the rows accept.
                var unitMicros = random.NextInt64(0, 1_000_000_000_000_000);
                var quantityMicros = random.NextInt64(1, 1_000_000_000_000);
                var unit = new decimal(unitMicros) / 1_000_000m;
                var quantity = new decimal(quantityMicros) / 1_000_000m;

                var actual = ExactDecimals.ToMinorUnit(unit * quantity, currency);

                Assert.Equal(Expected(unitMicros, quantityMicros, Currencies.MinorUnitDigits(currency)), ExactDecimals.Normalize(actual).ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>unit x quantity in 10^-12 units, rounded half to even to 10^-digits, as text without trailing zeros.</summary>
    private static string Expected(long unitMicros, long quantityMicros, int digits)
    {
        var product = new BigInteger(unitMicros) * quantityMicros;
        var step = BigInteger.Pow(10, 12 - digits);
        var quotient = BigInteger.DivRem(product, step, out var remainder);
        var twice = remainder * 2;
        if (twice > step || (twice == step && !quotient.IsEven))
        {
            quotient += 1;
        }
        var text = quotient.ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        return digits == 0 ? text : (text[..^digits] + "." + text[^digits..]).TrimEnd('0').TrimEnd('.');
    }

    [Theory]
    [InlineData("1.230000", "1.23")]
    [InlineData("0.000000", "0")]
    [InlineData("110", "110")]
    [InlineData("0.000001", "0.000001")]
    public void Normalize_drops_trailing_zeros_only(string value, string expected) =>
        Assert.Equal(expected, ExactDecimals.Normalize(decimal.Parse(value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
}
