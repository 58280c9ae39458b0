using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.Billing.Metering;
using static Raytio.Server.Tests.Billing.BillingClient;

namespace Raytio.Server.Tests.Billing.Metering;

/// <summary>
/// Checks billed to invoices (operations 32, 33) over simulated months, against invoices computed
/// by hand: NZD with 15 % GST on each line, rounded half to even (22.5 becomes 22, 185.1 becomes 185).
/// </summary>
public sealed class MeteredInvoiceScenarioTests
{
    [Fact]
    public async Task Billed_checks_are_lines_of_the_next_renewal_invoice_and_a_refund_after_it_is_credit_on_the_one_after()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.NzbnSearch, "1.5"), ("default", MeteredChecks.CreditReportConsumer, "12.345"));
        var org = await host.OrgAtAsync(Utc(2027, 3, 1));
        await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1));

        app.Time.SetUtcNow(Utc(2027, 3, 10));
        var first = await app.ChargeAsync(catalogue, org, MeteredChecks.NzbnSearch, "search-a");
        var second = await app.ChargeAsync(catalogue, org, MeteredChecks.NzbnSearch, "search-b");
        var report = await app.ChargeAsync(catalogue, org, MeteredChecks.CreditReportConsumer, "report-a");
        Assert.All([first, second, report], charge => Assert.Equal(MeterSettlement.Invoice, charge.Settlement));
        Assert.True(await app.RefundAsync(second.Id!));

        // 4900 + 150 + 1234 (12.345 credits = NZD 12.345, 1234.5 cents to even); tax 735 + 22 + 185.
        org = await host.RenewAtAsync(org, Utc(2027, 4, 1));
        var april = (await app.InvoicesAsync(org))[0];
        Assert.Equal(
            [(4_900L, 735L, "subscription"), (150L, 22L, "invoiceitem"), (1_234L, 185L, "invoiceitem")],
            april.Lines().Select(l => (l.Long("amount"), l.GetProperty("tax_amounts")[0].Long("amount"), l.Str("type"))));
        var search = april.Lines()[1];
        Assert.Equal("nzbn_search (search-a): 1.5 credits at NZD 1.50", search.Str("description"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, search.GetProperty("plan").ValueKind);
        Assert.Equal(search.Str("id"), search.Str("invoice_item"));
        Assert.Equal(Utc(2027, 3, 10).Unix(), search.GetProperty("period").Long("start"));
        Assert.Equal((6_284, 942, 7_226, 7_226, "paid"), (april.Long("subtotal"), april.Long("tax"), april.Long("total"), april.Long("amount_paid"), april.Str("status")));

        // Refunded after its invoice: 150 + 22 are credit that May's invoice uses.
        Assert.True(await app.RefundAsync(first.Id!));
        org = await host.RenewAtAsync(org, Utc(2027, 5, 1));
        var may = (await app.InvoicesAsync(org))[0];
        Assert.Single(may.Lines());
        Assert.Equal((5_635, -172, 5_463, 0), (may.Long("total"), may.Long("starting_balance"), may.Long("amount_due"), may.Long("ending_balance")));
    }

    [Fact]
    public async Task Each_paid_bundle_invoice_grants_its_credits_and_a_failed_one_only_once_paid()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 3, 1));
        await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits550, 1), (EmbeddedCatalogue.Credits100, 1));
        Assert.Equal(650m, await app.CreditsAsync(org));

        org = await host.RenewAtAsync(org, Utc(2027, 4, 1));
        Assert.Equal(1_300m, await app.CreditsAsync(org));

        // April's card declines at May's renewal: no credits until the retry three days later pays.
        org = await host.AdminAtAsync(org, Utc(2027, 4, 20));
        await app.UseCardAsync(org, "pm_card_chargeCustomerFail");
        org = await host.RenewAtAsync(org, Utc(2027, 5, 1));
        Assert.Equal(1_300m, await app.CreditsAsync(org));
        org = await host.AdminAtAsync(org, Utc(2027, 5, 2));
        await app.UseCardAsync(org, "pm_card_visa");
        await host.RenewAtAsync(org, Utc(2027, 5, 4));
        Assert.Equal(1_950m, await app.CreditsAsync(org));
    }

    [Fact]
    public async Task A_late_renewal_pass_leaves_checks_made_after_the_period_start_for_the_next_invoice()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var catalogue = await app.CatalogueAsync(("default", MeteredChecks.FaceCompare, "2"));
        var org = await host.OrgAtAsync(Utc(2027, 3, 1));
        await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1));
        app.Time.SetUtcNow(Utc(2027, 3, 20));
        await app.ChargeAsync(catalogue, org, MeteredChecks.FaceCompare, "march");
        // No pass ran on 1 April: the April invoice, dated 1 April, is made on the 3rd, after April's check.
        app.Time.SetUtcNow(Utc(2027, 4, 2));
        await app.ChargeAsync(catalogue, org, MeteredChecks.FaceCompare, "april");

        org = await host.RenewAtAsync(org, Utc(2027, 4, 3));
        var april = (await app.InvoicesAsync(org))[0];
        Assert.Equal([4_900L, 200L], april.Lines().Select(l => l.Long("amount")));
        Assert.Contains("(march)", april.Lines()[1].Str("description"), StringComparison.Ordinal);

        org = await host.RenewAtAsync(org, Utc(2027, 5, 1));
        var may = (await app.InvoicesAsync(org))[0];
        Assert.Equal([4_900L, 200L], may.Lines().Select(l => l.Long("amount")));
        Assert.Contains("(april)", may.Lines()[1].Str("description"), StringComparison.Ordinal);
        Assert.Equal((5_100, 765, 5_865), (may.Long("subtotal"), may.Long("tax"), may.Long("total")));
    }
}
