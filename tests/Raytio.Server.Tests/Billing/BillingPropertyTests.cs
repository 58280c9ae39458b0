using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Tests.Infrastructure;
using static Raytio.Server.Tests.Billing.BillingClient;

namespace Raytio.Server.Tests.Billing;

/// <summary>
/// Properties over random inputs (fixed seeds, so a failure repeats): proration credits and
/// charges net to the price difference for the remaining share of the period, and every invoice's
/// totals are the sums of its lines after random changes over simulated months.
/// </summary>
public sealed class BillingPropertyTests
{
    [Fact]
    public void Proration_credit_and_charge_net_to_the_price_difference_for_the_time_left()
    {
        var random = new Random(15);
        for (var run = 0; run < 10_000; run++)
        {
            var start = random.NextInt64(1_600_000_000, 1_900_000_000);
            var end = start + random.NextInt64(1, 400L * 86_400);
            var at = random.NextInt64(start, end + 1);
            var oldAmount = random.NextInt64(0, 10_000_000);
            var newAmount = random.NextInt64(0, 10_000_000);
            var credit = -Prorations.Remaining(oldAmount, at, start, end);
            var charge = Prorations.Remaining(newAmount, at, start, end);
            var exact = (decimal)(newAmount - oldAmount) * (end - at) / (end - start);
            Assert.True(Math.Abs(credit + charge - exact) <= 1m, $"{oldAmount} -> {newAmount} at {at} in [{start}, {end}): {credit} + {charge} vs {exact}");
            Assert.Equal(newAmount - oldAmount, Prorations.Remaining(newAmount, start, start, end) - Prorations.Remaining(oldAmount, start, start, end));
            Assert.Equal(0, Prorations.Remaining(newAmount, end, start, end));
        }
    }

    [Fact]
    public void Tax_is_the_rate_share_of_a_line_rounded_half_to_even()
    {
        var random = new Random(16);
        for (var run = 0; run < 10_000; run++)
        {
            var amount = random.NextInt64(-10_000_000, 10_000_000);
            var tax = Money.Tax(amount, 15m);
            Assert.True(Math.Abs((amount * 0.15m) - tax) <= 0.5m);
            Assert.Equal(-tax, Money.Tax(-amount, 15m));
        }
    }

    [Fact]
    public async Task Every_invoice_total_is_the_sum_of_its_lines_after_random_changes()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var random = new Random(17);
        var org = await host.OrgAtAsync(Utc(2027, 1, 1));
        var plans = new[] { EmbeddedCatalogue.StarterMonthly, EmbeddedCatalogue.BusinessMonthly, EmbeddedCatalogue.Credits100, EmbeddedCatalogue.Credits550 };
        var id = (await app.SubscribedAsync(org, (plans[0], 1))).Str("id");
        var moment = Utc(2027, 1, 1);
        for (var step = 0; step < 12; step++)
        {
            moment = moment.AddSeconds(random.Next(1, 20 * 86_400));
            org = await host.AdminAtAsync(org, moment);
            var plan = plans[random.Next(plans.Length)];
            var deleteOther = random.Next(3) == 0;
            var current = (await app.SubscriptionAsync(org, id)).GetProperty("plan").EnumerateArray().Select(p => p.Str("id")).ToList();
            object[] items = deleteOther && current.Count > 1
                ? [new { plan = current[0], deleted = true }]
                : [new { plan, quantity = random.Next(0, 6) }];
            await (await app.ChangeSubscriptionAsync(org, id, new { items }, org.Admin.Bearer)).AssertOkAsync();
            await app.RunRenewalsAsync();
        }
        org = await host.RenewAtAsync(org, moment.AddMonths(1));

        var invoices = await app.InvoicesAsync(org);
        Assert.True(invoices.Length >= 5, $"only {invoices.Length} invoices");
        Assert.Contains(invoices, i => i.Lines().Any(l => l.GetProperty("proration").GetBoolean()));
        foreach (var invoice in invoices)
        {
            var lines = invoice.Lines();
            var subtotal = lines.Sum(l => l.Long("amount"));
            var tax = lines.Sum(l => l.GetProperty("tax_amounts")[0].Long("amount"));
            Assert.Equal(subtotal, invoice.Long("subtotal"));
            Assert.Equal(tax, invoice.Long("tax"));
            Assert.Equal(subtotal + tax, invoice.Long("total"));
            Assert.Equal(tax, invoice.GetProperty("total_tax_amounts")[0].Long("amount"));
            var owed = invoice.Long("total") + invoice.Long("starting_balance");
            Assert.Equal(Math.Max(owed, 0), invoice.Long("amount_due"));
            Assert.Equal(Math.Min(owed, 0), invoice.Long("ending_balance"));
            Assert.All(lines, l => Assert.Equal(Money.Tax(l.Long("amount"), 15m), l.GetProperty("tax_amounts")[0].Long("amount")));
        }
        // Balances chain: each invoice starts from where the one before ended.
        var chronological = invoices.Reverse().ToArray();
        for (var i = 1; i < chronological.Length; i++)
        {
            Assert.Equal(chronological[i - 1].Long("ending_balance"), chronological[i].Long("starting_balance"));
        }
    }
}
