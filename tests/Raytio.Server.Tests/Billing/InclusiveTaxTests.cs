using Raytio.Server.Features.Billing.Embedded;
using static Raytio.Server.Tests.Billing.BillingClient;

namespace Raytio.Server.Tests.Billing;

/// <summary>
/// An inclusive tax rate (none is seeded: the test adds one for US dollars): each line's tax is the
/// part of its amount that is tax, amount × p / (100 + p) rounded half to even, and the total is the
/// lines' sum without tax on top.
/// </summary>
public sealed class InclusiveTaxTests
{
    [Theory]
    [InlineData(5, 2)]
    [InlineData(7, 4)]
    [InlineData(-5, -2)]
    [InlineData(200, 100)]
    public void The_tax_in_an_amount_at_100_percent_is_half_of_it_to_even(long amount, long tax) =>
        Assert.Equal(tax, Money.Tax(amount, 100m, inclusive: true));

    [Fact]
    public async Task An_inclusive_rate_takes_its_tax_out_of_the_lines_and_adds_nothing_to_the_total()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        await app.WithDbAsync(async db =>
        {
            db.BillingTaxRates.Add(new BillingTaxRateRecord
            {
                Id = "txr_TestSalesTaxInclusive",
                DisplayName = "Sales tax",
                Percentage = 10m,
                Inclusive = true,
                Active = true,
                DefaultForCurrency = "usd",
                Created = 1,
            });
            return await db.SaveChangesAsync();
        });
        var org = await host.OrgAtAsync(Utc(2027, 3, 1));

        var subscription = await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthlyUs, 3));

        Assert.True(subscription.GetProperty("default_tax_rates")[0].GetProperty("inclusive").GetBoolean());
        var invoice = Assert.Single(await app.InvoicesAsync(org));
        // 3 × 2900 = 8700, of which 8700 × 10 / 110 = 790.9 is tax: 791.
        var line = Assert.Single(invoice.Lines());
        Assert.Equal((8_700, 791), (line.Long("amount"), line.GetProperty("tax_amounts")[0].Long("amount")));
        Assert.True(line.GetProperty("tax_amounts")[0].GetProperty("inclusive").GetBoolean());
        Assert.Equal((8_700, 791, 8_700, 8_700), (invoice.Long("subtotal"), invoice.Long("tax"), invoice.Long("total"), invoice.Long("amount_paid")));
        Assert.True(invoice.GetProperty("total_tax_amounts")[0].GetProperty("inclusive").GetBoolean());
    }
}
