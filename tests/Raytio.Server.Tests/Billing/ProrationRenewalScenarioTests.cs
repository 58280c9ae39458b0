using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Tests.Infrastructure;
using static Raytio.Server.Tests.Billing.BillingClient;

namespace Raytio.Server.Tests.Billing;

/// <summary>
/// Proration and renewal over simulated months, against invoices computed by hand: NZD with 15 %
/// GST on each line, rounded half to even (so 1492.5 becomes 1492 and -367.5 becomes -368).
/// </summary>
public sealed class ProrationRenewalScenarioTests
{
    [Fact]
    public async Task An_upgrade_and_a_quantity_change_mid_period_are_prorated_onto_the_next_invoices()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 3, 1));
        var subscription = await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1));
        var id = subscription.Str("id");
        var item = subscription.GetProperty("items")[0].GetProperty("data")[0].Str("id");
        Assert.Equal(Utc(2027, 4, 1).Unix(), subscription.Long("current_period_end"));
        var first = Assert.Single(await app.InvoicesAsync(org));
        Assert.Equal((4_900, 735, 5_635), (first.Long("subtotal"), first.Long("tax"), first.Long("total")));

        // Half of March's 31 days remain at 16 March 12:00: credit 2450 for Starter, charge 9950 for Business.
        org = await host.AdminAtAsync(org, Utc(2027, 3, 16, 12));
        await (await app.ChangeSubscriptionAsync(org, id, new { items = new[] { new { id = item, plan = EmbeddedCatalogue.BusinessMonthly } } }, org.Admin.Bearer)).AssertOkAsync();
        Assert.Single(await app.InvoicesAsync(org));

        org = await host.RenewAtAsync(org, Utc(2027, 4, 1));
        var april = (await app.InvoicesAsync(org))[0];
        Assert.Equal("subscription_cycle", april.Str("billing_reason"));
        Assert.Equal("paid", april.Str("status"));
        Assert.Equal(Utc(2027, 4, 1).Unix(), april.Long("created"));
        Assert.Equal(
            [(-2_450L, -368L, true), (9_950L, 1_492L, true), (19_900L, 2_985L, false)],
            april.Lines().Select(l => (l.Long("amount"), l.GetProperty("tax_amounts")[0].Long("amount"), l.GetProperty("proration").GetBoolean())));
        Assert.Equal("Unused time on 1 × Starter monthly NZ after 16 Mar 2027", april.Lines()[0].Str("description"));
        Assert.Equal("Remaining time on 1 × Business monthly NZ after 16 Mar 2027", april.Lines()[1].Str("description"));
        Assert.Equal((27_400, 4_109, 31_509, 31_509), (april.Long("subtotal"), april.Long("tax"), april.Long("total"), april.Long("amount_paid")));
        Assert.Equal(Utc(2027, 5, 1).Unix(), april.Lines()[2].GetProperty("period").Long("end"));

        // Half of April's 30 days remain at 16 April: 1 → 3 Business credits 9950 and charges 29850.
        org = await host.AdminAtAsync(org, Utc(2027, 4, 16));
        await (await app.ChangeSubscriptionAsync(org, id, new { items = new[] { new { plan = EmbeddedCatalogue.BusinessMonthly, quantity = 3 } } }, org.Admin.Bearer)).AssertOkAsync();
        org = await host.RenewAtAsync(org, Utc(2027, 5, 1));
        var may = (await app.InvoicesAsync(org))[0];
        Assert.Equal(
            [(-9_950L, -1_492L), (29_850L, 4_478L), (59_700L, 8_955L)],
            may.Lines().Select(l => (l.Long("amount"), l.GetProperty("tax_amounts")[0].Long("amount"))));
        Assert.Equal((79_600, 11_941, 91_541), (may.Long("subtotal"), may.Long("tax"), may.Long("total")));
        Assert.Equal(3, (await app.InvoicesAsync(org)).Length);
    }

    [Fact]
    public async Task A_downgrade_leaves_credit_that_later_invoices_use_up()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 3, 1));
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits550, 1))).Str("id");
        org = await host.AdminAtAsync(org, Utc(2027, 3, 16, 12));
        await (await app.ChangeSubscriptionAsync(org, id, new
        {
            items = new object[] { new { plan = EmbeddedCatalogue.Credits550, deleted = true }, new { plan = EmbeddedCatalogue.Credits100 } },
        }, org.Admin.Bearer)).AssertOkAsync();

        // -27500 + 5000 + 10000 = -12500, tax -4125 + 750 + 1500 = -1875: nothing due, 14375 of credit.
        org = await host.RenewAtAsync(org, Utc(2027, 4, 1));
        var april = (await app.InvoicesAsync(org))[0];
        Assert.Equal((-12_500, -1_875, -14_375), (april.Long("subtotal"), april.Long("tax"), april.Long("total")));
        Assert.Equal((0, 0, -14_375, 0), (april.Long("starting_balance"), april.Long("amount_due"), april.Long("ending_balance"), april.Long("amount_paid")));
        Assert.Equal("paid", april.Str("status"));

        org = await host.RenewAtAsync(org, Utc(2027, 5, 1));
        var may = (await app.InvoicesAsync(org))[0];
        Assert.Equal((11_500, -14_375, 0, -2_875), (may.Long("total"), may.Long("starting_balance"), may.Long("amount_due"), may.Long("ending_balance")));

        org = await host.RenewAtAsync(org, Utc(2027, 6, 1));
        var june = (await app.InvoicesAsync(org))[0];
        Assert.Equal((11_500, -2_875, 8_625, 0, 8_625), (june.Long("total"), june.Long("starting_balance"), june.Long("amount_due"), june.Long("ending_balance"), june.Long("amount_paid")));
    }

    [Fact]
    public async Task A_pass_after_a_pause_bills_each_missed_month_keeping_the_anchor_day()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 1, 31));
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");
        org = await host.RenewAtAsync(org, Utc(2027, 5, 1));
        var invoices = await app.InvoicesAsync(org);
        Assert.Equal(
            [Utc(2027, 4, 30).Unix(), Utc(2027, 3, 31).Unix(), Utc(2027, 2, 28).Unix(), Utc(2027, 1, 31).Unix()],
            invoices.Select(i => i.Long("created")));
        Assert.All(invoices, i => Assert.Equal((5_635, "paid"), (i.Long("total"), i.Str("status"))));
        Assert.Equal([Utc(2027, 3, 31).Unix(), Utc(2027, 4, 30).Unix(), Utc(2027, 5, 31).Unix()], invoices[..3].Reverse().Select(i => i.Long("period_end")));
        var subscription = await app.SubscriptionAsync(org, id);
        Assert.Equal((Utc(2027, 4, 30).Unix(), Utc(2027, 5, 31).Unix()), (subscription.Long("current_period_start"), subscription.Long("current_period_end")));
        Assert.Equal(0, await app.RunRenewalsAsync());
        Assert.Equal(4, (await app.InvoicesAsync(org)).Length);
        Assert.Single(await app.InvoicesAsync(org, $"created={Utc(2027, 3, 31).Unix()}"));
        Assert.Equal(2, (await app.InvoicesAsync(org, $"created[gte]={Utc(2027, 3, 1).Unix()}&created[lt]={Utc(2027, 4, 30).Unix() + 1}")).Length);
    }

    [Fact]
    public async Task A_trial_ends_with_the_first_charge_and_cancel_at_period_end_ends_without_one()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 3, 1));
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterTrial, 1))).Str("id");
        // A quantity change during the trial is not prorated.
        await (await app.ChangeSubscriptionAsync(org, id, new { items = new[] { new { plan = EmbeddedCatalogue.StarterTrial, quantity = 2 } } }, org.Admin.Bearer)).AssertOkAsync();
        org = await host.RenewAtAsync(org, Utc(2027, 3, 15));
        var subscription = await app.SubscriptionAsync(org, id);
        Assert.Equal("active", subscription.Str("status"));
        Assert.Equal((Utc(2027, 3, 15).Unix(), Utc(2027, 4, 15).Unix()), (subscription.Long("current_period_start"), subscription.Long("current_period_end")));
        var first = (await app.InvoicesAsync(org))[0];
        Assert.Equal((9_800, 1_470, 11_270), (first.Long("subtotal"), first.Long("tax"), first.Long("total")));
        Assert.Single(first.Lines());

        await (await app.ChangeSubscriptionAsync(org, id, new { cancel_at_period_end = true }, org.Admin.Bearer)).AssertOkAsync();
        org = await host.RenewAtAsync(org, Utc(2027, 4, 15));
        subscription = await app.SubscriptionAsync(org, id);
        Assert.Equal("canceled", subscription.Str("status"));
        Assert.Equal(Utc(2027, 4, 15).Unix(), subscription.Long("ended_at"));
        Assert.Equal(2, (await app.InvoicesAsync(org)).Length);
        org = await host.RenewAtAsync(org, Utc(2027, 6, 1));
        Assert.Equal(2, (await app.InvoicesAsync(org)).Length);
    }

    [Fact]
    public async Task A_change_to_a_yearly_plan_credits_the_month_and_invoices_the_new_year_at_once()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 3, 1));
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.BusinessMonthly, 1))).Str("id");
        org = await host.AdminAtAsync(org, Utc(2027, 3, 16, 12));
        var changed = await (await app.ChangeSubscriptionAsync(org, id, new { items = new[] { new { plan = EmbeddedCatalogue.BusinessMonthly, deleted = true }, new { plan = EmbeddedCatalogue.BusinessYearly, deleted = false } } }, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("active", changed.Str("status"));
        Assert.Equal((Utc(2027, 3, 16, 12).Unix(), Utc(2028, 3, 16, 12).Unix()), (changed.Long("current_period_start"), changed.Long("current_period_end")));
        Assert.Equal(Utc(2027, 3, 16, 12).Unix(), changed.Long("billing_cycle_anchor"));

        // Half of March unused: -9950 (tax -1492); the year: 199000 (tax 29850).
        var update = (await app.InvoicesAsync(org))[0];
        Assert.Equal(changed.Str("latest_invoice"), update.Str("id"));
        Assert.Equal(("subscription_update", "paid"), (update.Str("billing_reason"), update.Str("status")));
        Assert.Equal([(-9_950L, -1_492L), (199_000L, 29_850L)], update.Lines().Select(l => (l.Long("amount"), l.GetProperty("tax_amounts")[0].Long("amount"))));
        Assert.Equal((189_050, 28_358, 217_408), (update.Long("subtotal"), update.Long("tax"), update.Long("total")));

        org = await host.RenewAtAsync(org, Utc(2028, 3, 16, 12));
        var invoices = await app.InvoicesAsync(org);
        Assert.Equal(3, invoices.Length);
        Assert.Equal((228_850, Utc(2029, 3, 16, 12).Unix()), (invoices[0].Long("total"), invoices[0].Long("period_end")));
    }
}
