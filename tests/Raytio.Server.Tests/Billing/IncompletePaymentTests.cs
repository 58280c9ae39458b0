using System.Text.Json;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Tests.Infrastructure;
using static Raytio.Server.Tests.Billing.BillingClient;

namespace Raytio.Server.Tests.Billing;

/// <summary>
/// An incomplete subscription's first invoice is paid when the organisation sets a new default
/// payment method (operation 12), as confirming its payment intent does in Stripe: paid, the
/// subscription is active and the customer no longer delinquent; declined again, it stays
/// incomplete and still expires 23 hours after creation.
/// </summary>
public sealed class IncompletePaymentTests
{
    [Fact]
    public async Task A_new_default_card_pays_the_open_invoice_and_the_subscription_becomes_active()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 3, 1), "pm_card_chargeCustomerFail");
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");
        Assert.True(await app.DelinquentAsync(org));

        org = await host.AdminAtAsync(org, Utc(2027, 3, 1, 5));
        var card = await (await app.AttachAsync(org, "pm_card_mastercard", org.Admin.Bearer)).AssertOkAsync();
        var body = new { name = "Billed org", email = "billing@example.com", customer = new { invoice_settings = new { default_payment_method = card.Str("id") } } };
        var answer = await (await app.SendJsonTextAsync(HttpMethod.Put, org.Path, JsonSerializer.Serialize(body), org.Admin.Bearer)).AssertOkAsync();

        Assert.False(answer.GetProperty("customer").GetProperty("delinquent").GetBoolean());
        Assert.Equal("active", (await app.SubscriptionAsync(org, id)).Str("status"));
        var invoice = Assert.Single(await app.InvoicesAsync(org));
        Assert.Equal(("paid", 5_635L, 2L), (invoice.Str("status"), invoice.Long("amount_paid"), invoice.Long("attempt_count")));
        Assert.StartsWith("ch_", invoice.Str("charge"));
        Assert.Equal(Utc(2027, 3, 1, 5).Unix(), invoice.GetProperty("status_transitions").Long("paid_at"));

        // Paid, it no longer expires.
        org = await host.RenewAtAsync(org, Utc(2027, 3, 2));
        Assert.Equal("active", (await app.SubscriptionAsync(org, id)).Str("status"));
    }

    [Fact]
    public async Task Another_declining_card_leaves_it_incomplete_and_it_still_expires()
    {
        await using var host = await ScenarioHost.StartAsync();
        var app = host.App;
        var org = await host.OrgAtAsync(Utc(2027, 3, 1), "pm_card_chargeCustomerFail");
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");

        org = await host.AdminAtAsync(org, Utc(2027, 3, 1, 5));
        await app.UseCardAsync(org, "pm_card_chargeCustomerFail");

        Assert.Equal("incomplete", (await app.SubscriptionAsync(org, id)).Str("status"));
        Assert.True(await app.DelinquentAsync(org));
        var invoice = Assert.Single(await app.InvoicesAsync(org));
        Assert.Equal(("open", 2L), (invoice.Str("status"), invoice.Long("attempt_count")));
        org = await host.RenewAtAsync(org, Utc(2027, 3, 1, 23));
        Assert.Equal("incomplete_expired", (await app.SubscriptionAsync(org, id)).Str("status"));
    }
}
