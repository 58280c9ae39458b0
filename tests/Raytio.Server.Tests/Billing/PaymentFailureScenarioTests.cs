using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Tests.Infrastructure;
using static Raytio.Server.Tests.Billing.BillingClient;

namespace Raytio.Server.Tests.Billing;

/// <summary>
/// Declined payments: a renewal charged to `pm_card_chargeCustomerFail` leaves its invoice open,
/// the subscription past_due and the customer delinquent; retries 3, 5 and 7 days apart; paid:
/// active again; the last failure: unpaid. An incomplete subscription expires after 23 hours.
/// Renewal passes of several replicas at once bill each period once.
/// </summary>
public sealed class PaymentFailureScenarioTests
{
    [Fact]
    public async Task A_declined_renewal_makes_the_subscription_past_due_until_a_retry_pays()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 3, 1));
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");
        await app.UseCardAsync(org, "pm_card_chargeCustomerFail");

        org = await host.RenewAtAsync(org, Utc(2027, 4, 1));
        var invoice = (await app.InvoicesAsync(org))[0];
        Assert.Equal(("open", 1, 5_635, 0), (invoice.Str("status"), invoice.Long("attempt_count"), invoice.Long("amount_remaining"), invoice.Long("amount_paid")));
        Assert.Equal(Utc(2027, 4, 4).Unix(), invoice.Long("next_payment_attempt"));
        Assert.False(invoice.GetProperty("paid").GetBoolean());
        Assert.Equal("past_due", (await app.SubscriptionAsync(org, id)).Str("status"));
        Assert.True(await app.DelinquentAsync(org));
        Assert.Equal(id, Assert.Single((await (await app.GetAsync($"{org.Path}/subscriptions?status=past_due", org.Admin.Bearer)).AssertOkAsync()).GetProperty("data").EnumerateArray()).Str("id"));

        await app.UseCardAsync(org, "pm_card_mastercard");
        org = await host.RenewAtAsync(org, Utc(2027, 4, 4));
        invoice = await (await app.GetAsync($"{org.Path}/invoices/{invoice.Str("id")}", org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(("paid", 2, 5_635), (invoice.Str("status"), invoice.Long("attempt_count"), invoice.Long("amount_paid")));
        Assert.Equal(Utc(2027, 4, 4).Unix(), invoice.GetProperty("status_transitions").Long("paid_at"));
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("next_payment_attempt").ValueKind);
        Assert.Equal("active", (await app.SubscriptionAsync(org, id)).Str("status"));
        Assert.False(await app.DelinquentAsync(org));
    }

    [Fact]
    public async Task After_the_last_failed_retry_the_subscription_is_unpaid_and_stops_renewing()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 3, 1));
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");
        await app.UseCardAsync(org, "pm_card_chargeCustomerFail");
        org = await host.RenewAtAsync(org, Utc(2027, 4, 1));
        var invoiceId = (await app.InvoicesAsync(org))[0].Str("id");
        // Retries on 4, 9 and 16 April (3, 5 and 7 days after each failure).
        foreach (var (day, attempts, next) in new[] { (4, 2, (long?)Utc(2027, 4, 9).Unix()), (9, 3, Utc(2027, 4, 16).Unix()), (16, 4, null) })
        {
            org = await host.RenewAtAsync(org, Utc(2027, 4, day));
            var invoice = await (await app.GetAsync($"{org.Path}/invoices/{invoiceId}", org.Admin.Bearer)).AssertOkAsync();
            Assert.Equal(("open", attempts), (invoice.Str("status"), invoice.Long("attempt_count")));
            Assert.Equal(next, invoice.GetProperty("next_payment_attempt").ValueKind == JsonValueKind.Null ? null : invoice.Long("next_payment_attempt"));
        }
        Assert.Equal("unpaid", (await app.SubscriptionAsync(org, id)).Str("status"));
        Assert.True(await app.DelinquentAsync(org));
        org = await host.RenewAtAsync(org, Utc(2027, 6, 1));
        Assert.Equal(2, (await app.InvoicesAsync(org)).Length);
    }

    [Fact]
    public async Task A_first_invoice_declined_leaves_an_incomplete_subscription_that_expires_after_23_hours()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 3, 1), "pm_card_chargeCustomerFail");
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");
        Assert.Equal("incomplete", (await app.SubscriptionAsync(org, id)).Str("status"));
        org = await host.RenewAtAsync(org, Utc(2027, 3, 1, 22));
        Assert.Equal("incomplete", (await app.SubscriptionAsync(org, id)).Str("status"));
        Assert.True(await app.DelinquentAsync(org));
        org = await host.RenewAtAsync(org, Utc(2027, 3, 1, 23));
        var subscription = await app.SubscriptionAsync(org, id);
        Assert.Equal("incomplete_expired", subscription.Str("status"));
        var invoice = Assert.Single(await app.InvoicesAsync(org));
        Assert.Equal("void", invoice.Str("status"));
        Assert.Equal(Utc(2027, 3, 1, 23).Unix(), invoice.GetProperty("status_transitions").Long("voided_at"));
        Assert.False(await app.DelinquentAsync(org));
        await (await app.CancelSubscriptionAsync(org, id, org.Admin.Bearer)).AssertErrorAsync(System.Net.HttpStatusCode.Conflict, "subscription_ended");
    }

    [Fact]
    public async Task Passes_of_several_replicas_at_once_bill_each_period_once_and_only_the_lease_holder_runs()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var orgs = new List<Organizations.Org>();
        for (var i = 0; i < 3; i++)
        {
            var org = await host.OrgAtAsync(Utc(2027, 3, 1, i));
            await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1));
            orgs.Add(org);
        }
        app.Time.SetUtcNow(Utc(2027, 6, 2));
        var done = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.RunRenewalsAsync)));
        Assert.Equal(9, done.Sum());
        for (var i = 0; i < orgs.Count; i++)
        {
            orgs[i] = await host.AdminNowAsync(orgs[i]);
            Assert.Equal(4, (await app.InvoicesAsync(orgs[i])).Length);
        }

        var first = ActivatorUtilities.CreateInstance<BillingRenewalService>(app.Services);
        var second = ActivatorUtilities.CreateInstance<BillingRenewalService>(app.Services);
        Assert.Equal(0, await first.RunOnceAsync(CancellationToken.None));
        Assert.Equal(-1, await second.RunOnceAsync(CancellationToken.None));
        app.Time.Advance(TimeSpan.FromMinutes(6)); // the first holder stopped: its lease lapses
        Assert.Equal(0, await second.RunOnceAsync(CancellationToken.None));
        Assert.Equal(-1, await first.RunOnceAsync(CancellationToken.None));
    }
}
