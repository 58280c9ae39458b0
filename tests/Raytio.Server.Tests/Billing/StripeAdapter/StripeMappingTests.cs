using System.Text.Json.Nodes;
using Raytio.Server.Features.Billing;
using Raytio.Server.Features.Billing.Stripe;
using Raytio.Testing;
using Stripe;

namespace Raytio.Server.Tests.Billing.StripeAdapter;

/// <summary>
/// The mapping of today's Stripe objects (Stripe's current fixtures, API 2026, copied to
/// tests/interop/stripe) onto the engine's records, and of the 2019 fields an older API version
/// still answers.
/// </summary>
public sealed class StripeMappingTests
{
    private static readonly JsonObject Fixtures = JsonNode.Parse(System.IO.File.ReadAllText(RepoPaths.Combine("tests", "interop", "stripe", "fixtures3.current.subset.json")))!["resources"]!.AsObject();

    private static T Fixture<T>(string name) where T : IStripeEntity => StripeEntity.FromJson<T>(Fixtures[name]!.ToJsonString());

    [Fact]
    public void A_recurring_price_is_a_plan()
    {
        var plan = StripeMapping.Plan(Fixture<Price>("price"))!;
        Assert.Equal(new BillingPlan("price_1PgafmB7WZ01zgkW6dKueIc5", true, 2000, "usd", "month", 1, "prod_QXg1hqf4jFNsqG", "prod_QXg1hqf4jFNsqG", null, 1234567890), plan);
    }

    [Fact]
    public void A_one_time_price_is_no_plan_and_a_trial_kept_in_metadata_is_the_plans()
    {
        var json = Fixtures["price"]!.DeepClone().AsObject();
        json["metadata"] = new JsonObject { ["trial_period_days"] = "14" };
        json["nickname"] = "Starter";
        var plan = StripeMapping.Plan(StripeEntity.FromJson<Price>(json.ToJsonString()))!;
        Assert.Equal(14, plan.TrialPeriodDays);
        Assert.Equal("Starter", plan.Nickname);
        json["recurring"] = null;
        json["type"] = "one_time";
        Assert.Null(StripeMapping.Plan(StripeEntity.FromJson<Price>(json.ToJsonString())));
    }

    [Fact]
    public void A_subscriptions_current_period_is_its_first_items()
    {
        var subscription = StripeMapping.Subscription(Fixture<Subscription>("subscription"));
        Assert.Equal("sub_1Pgc6rB7WZ01zgkWNy0Cn5nw", subscription.Id);
        Assert.Equal("cus_QXg1o8vcGmoR32", subscription.Customer);
        Assert.Equal("active", subscription.Status);
        Assert.True(subscription.CancelAtPeriodEnd);
        Assert.Equal(1896570518, subscription.CurrentPeriodStart);
        Assert.Equal(976287773, subscription.CurrentPeriodEnd);
        var item = Assert.Single(subscription.Items);
        Assert.Equal("si_QXhVnC2h0Jczwc", item.Id);
        Assert.Equal("price_1PgafmB7WZ01zgkW6dKueIc5", item.Plan.Id);
        Assert.Equal(1, item.Quantity);
        Assert.Null(subscription.LatestInvoice);
    }

    [Fact]
    public void An_older_api_versions_subscription_keeps_its_own_current_period()
    {
        var json = Fixtures["subscription"]!.DeepClone().AsObject();
        var item = json["items"]!["data"]![0]!.AsObject();
        item.Remove("current_period_start");
        item.Remove("current_period_end");
        json["current_period_start"] = 1700000000;
        json["current_period_end"] = 1702592000;
        var subscription = StripeMapping.Subscription(StripeEntity.FromJson<Subscription>(json.ToJsonString()));
        Assert.Equal(1700000000, subscription.CurrentPeriodStart);
        Assert.Equal(1702592000, subscription.CurrentPeriodEnd);
    }

    [Fact]
    public void An_invoices_subscription_comes_from_its_parent_and_its_lines_from_their_pricing()
    {
        var price = StripeMapping.Plan(Fixture<Price>("price"))!;
        var rate = StripeMapping.TaxRate(Fixture<TaxRate>("tax_rate"));
        var json = Fixtures["invoice"]!.DeepClone().AsObject();
        var line = json["lines"]!["data"]![0]!.AsObject();
        line["pricing"] = new JsonObject { ["type"] = "price_details", ["price_details"] = new JsonObject { ["price"] = price.Id, ["product"] = price.Product }, ["unit_amount_decimal"] = "1000" };
        line["taxes"] = new JsonArray(new JsonObject { ["amount"] = 190, ["tax_behavior"] = "exclusive", ["taxable_amount"] = 1000, ["type"] = "tax_rate_details", ["tax_rate_details"] = new JsonObject { ["tax_rate"] = rate.Id } });
        json["total_taxes"] = new JsonArray(new JsonObject { ["amount"] = 190, ["tax_behavior"] = "exclusive", ["taxable_amount"] = 1000, ["type"] = "tax_rate_details" });
        var invoice = StripeMapping.Invoice(StripeEntity.FromJson<Invoice>(json.ToJsonString()),
            new Dictionary<string, BillingPlan> { [price.Id] = price }, new Dictionary<string, BillingTaxRate> { [rate.Id] = rate });

        Assert.Equal("in_1Pgc6tB7WZ01zgkWu9fdqL6I", invoice.Id);
        Assert.Equal("subscription", invoice.Subscription);
        Assert.Equal("draft", invoice.Status);
        Assert.Equal(1000, invoice.Subtotal);
        Assert.Equal(190, invoice.Tax);
        Assert.Equal(1000, invoice.AmountDue);
        Assert.Equal(rate, invoice.TaxRate);
        var mapped = Assert.Single(invoice.Lines);
        Assert.Equal("invoiceitem", mapped.Type);
        Assert.True(mapped.Proration);
        Assert.Equal(price, mapped.Plan);
        Assert.Equal(190, mapped.TaxAmount);
        Assert.Equal(rate, mapped.TaxRate);
        Assert.Equal(1721954054, mapped.PeriodStart);
    }

    [Fact]
    public void An_older_api_versions_invoice_names_its_subscription_and_line_prices_itself()
    {
        var json = Fixtures["invoice"]!.DeepClone().AsObject();
        json.Remove("parent");
        json["subscription"] = "sub_2019";
        var line = json["lines"]!["data"]![0]!.AsObject();
        line.Remove("parent");
        line.Remove("pricing");
        line["type"] = "subscription";
        line["price"] = Fixtures["price"]!.DeepClone();
        var invoice = StripeMapping.Invoice(StripeEntity.FromJson<Invoice>(json.ToJsonString()), new Dictionary<string, BillingPlan>(), new Dictionary<string, BillingTaxRate>());
        Assert.Equal("sub_2019", invoice.Subscription);
        var mapped = Assert.Single(invoice.Lines);
        Assert.Equal("subscription", mapped.Type);
        Assert.Equal("price_1PgafmB7WZ01zgkW6dKueIc5", mapped.Plan?.Id);
        Assert.Equal("sub_2019", mapped.Subscription);
    }

    [Fact]
    public void A_payment_method_shows_its_card_and_a_customer_its_default()
    {
        var method = StripeMapping.PaymentMethod(Fixture<PaymentMethod>("payment_method"));
        Assert.Equal(new BillingCard("visa", "4242", 8, 2030, "credit", "US", "AOB934RVNwzk6xtn"), method.Card);
        var customer = StripeMapping.Customer(Fixture<Customer>("customer"));
        Assert.Equal("cus_QXg1o8vcGmoR32", customer.Id);
        Assert.False(customer.Delinquent);
    }

    [Fact]
    public void A_tax_rate_keeps_its_exact_percentage()
    {
        var rate = StripeMapping.TaxRate(Fixture<TaxRate>("tax_rate"));
        Assert.Equal(new BillingTaxRate("txr_1Pgc7BB7WZ01zgkW4Iwwvf6z", "VAT", "VAT Germany", "DE", 19m, true, 1234567890), rate);
    }
}
