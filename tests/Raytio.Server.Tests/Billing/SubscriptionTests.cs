using System.Net;
using System.Text.Json;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.Billing;

/// <summary>Operations 21-25 and the first invoice: creation, validation, listing with filters, changes and cancellation.</summary>
public sealed class SubscriptionTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Fact]
    public async Task Subscribing_with_a_card_charges_the_first_period_with_gst()
    {
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        var subscription = await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 2));
        Assert.Equal("subscription", subscription.Str("object"));
        Assert.Equal("active", subscription.Str("status"));
        Assert.Equal("charge_automatically", subscription.Str("billing"));
        Assert.StartsWith("sub_", subscription.Str("id"));
        var created = DateTimeOffset.FromUnixTimeSeconds(subscription.Long("created"));
        Assert.Equal(created.Unix(), subscription.Long("current_period_start"));
        Assert.Equal(created.AddMonths(1).Unix(), subscription.Long("current_period_end"));
        Assert.Equal(created.Unix(), subscription.Long("billing_cycle_anchor"));
        Assert.Equal(2, subscription.Long("quantity"));
        var items = subscription.GetProperty("items")[0];
        Assert.Equal("list", items.Str("object"));
        var item = items.GetProperty("data")[0];
        Assert.Equal("Starter monthly NZ", item.Str("plan"));
        Assert.Equal(2, item.Long("quantity"));
        Assert.Equal(EmbeddedCatalogue.StarterMonthly, subscription.GetProperty("plan")[0].Str("id"));
        Assert.Equal(EmbeddedCatalogue.GstNz, subscription.GetProperty("default_tax_rates")[0].Str("id"));

        var invoice = Assert.Single(await app.InvoicesAsync(org));
        Assert.Equal(subscription.Str("latest_invoice"), invoice.Str("id"));
        Assert.Equal("paid", invoice.Str("status"));
        Assert.Equal("subscription_create", invoice.Str("billing_reason"));
        Assert.Equal(9_800, invoice.Long("subtotal"));
        Assert.Equal(1_470, invoice.Long("tax"));
        Assert.Equal(11_270, invoice.Long("total"));
        Assert.Equal(11_270, invoice.Long("amount_paid"));
        Assert.Equal(0, invoice.Long("amount_remaining"));
        Assert.StartsWith("ch_", invoice.Str("charge"));
        var line = Assert.Single(invoice.Lines());
        Assert.Equal(9_800, line.Long("amount"));
        Assert.Equal("2 × Starter monthly NZ (at NZD 49.00 / month)", line.Str("description"));
        Assert.Equal(1_470, line.GetProperty("tax_amounts")[0].Long("amount"));
        Assert.False(await app.DelinquentAsync(org));
    }

    [Fact]
    public async Task Without_a_default_payment_method_the_subscription_is_incomplete_and_the_customer_delinquent()
    {
        var org = await app.CreateOrgAsync();
        await (await app.AttachAsync(org, "pm_card_visa", org.Admin.Bearer)).AssertOkAsync(); // attached, not the default
        var subscription = await app.SubscribedAsync(org, (EmbeddedCatalogue.BusinessMonthly, 1));
        Assert.Equal("incomplete", subscription.Str("status"));
        var invoice = Assert.Single(await app.InvoicesAsync(org));
        Assert.Equal("open", invoice.Str("status"));
        Assert.Equal(1, invoice.Long("attempt_count"));
        Assert.Equal(22_885, invoice.Long("amount_remaining"));
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("next_payment_attempt").ValueKind);
        Assert.True(await app.DelinquentAsync(org));
    }

    [Fact]
    public async Task A_plan_with_a_trial_starts_trialing_with_a_zero_invoice()
    {
        var org = await app.CreateOrgAsync();
        var subscription = await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterTrial, 1));
        Assert.Equal("trialing", subscription.Str("status"));
        var start = subscription.Long("created");
        Assert.Equal(start + (14 * 86_400), subscription.Long("trial_end"));
        Assert.Equal(subscription.Long("trial_end"), subscription.Long("current_period_end"));
        var invoice = Assert.Single(await app.InvoicesAsync(org));
        Assert.Equal("paid", invoice.Str("status"));
        Assert.Equal(0, invoice.Long("total"));
        Assert.Equal("Trial period for Starter monthly NZ, 14-day trial", Assert.Single(invoice.Lines()).Str("description"));
        Assert.False(await app.DelinquentAsync(org));
    }

    [Theory]
    [InlineData("{}", "items")]
    [InlineData("""{"items":[]}""", "items")]
    [InlineData("""{"items":"plan_StarterMonthlyNZ"}""", "items")]
    [InlineData("""{"items":[1]}""", "items[0]")]
    [InlineData("""{"items":[{"quantity":1}]}""", "items[0].plan")]
    [InlineData("""{"items":[{"plan":"plan_unknown"}]}""", "items[0].plan")]
    [InlineData("""{"items":[{"plan":"plan_LegacyMonthlyNZ"}]}""", "items[0].plan")]
    [InlineData("""{"items":[{"plan":"plan_StarterMonthlyNZ","quantity":-1}]}""", "items[0].quantity")]
    [InlineData("""{"items":[{"plan":"plan_StarterMonthlyNZ","quantity":1.5}]}""", "items[0].quantity")]
    [InlineData("""{"items":[{"plan":"plan_StarterMonthlyNZ","quantity":"2"}]}""", "items[0].quantity")]
    [InlineData("""{"items":[{"plan":"plan_StarterMonthlyNZ","colour":"red"}]}""", "items[0].colour")]
    [InlineData("""{"items":[{"plan":"plan_StarterMonthlyNZ","id":"si_x"}]}""", "items[0]")]
    [InlineData("""{"items":[{"plan":"plan_StarterMonthlyNZ"},{"plan":"plan_StarterMonthlyNZ"}]}""", "items")]
    [InlineData("""{"items":[{"plan":"plan_StarterMonthlyNZ"},{"plan":"plan_StarterMonthlyUS"}]}""", "items")]
    [InlineData("""{"items":[{"plan":"plan_StarterMonthlyNZ"},{"plan":"plan_BusinessYearlyNZ"}]}""", "items")]
    [InlineData("""{"items":[{"plan":"plan_StarterMonthlyNZ"}],"cancel_at_period_end":"yes"}""", "cancel_at_period_end")]
    public async Task Bad_subscriptions_answer_400_naming_the_field(string body, string field)
    {
        var org = await app.CreateOrgAsync();
        var error = await (await app.SendJsonTextAsync(HttpMethod.Post, $"{org.Path}/subscriptions", body, org.Admin.Bearer))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.ToString());
        Assert.Empty(await app.InvoicesAsync(org));
    }

    [Fact]
    public async Task Lists_leave_out_canceled_ones_unless_asked_and_filter()
    {
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        var starter = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");
        var credits = (await app.SubscribedAsync(org, (EmbeddedCatalogue.Credits100, 3))).Str("id");
        var business = (await app.SubscribedAsync(org, (EmbeddedCatalogue.BusinessMonthly, 1))).Str("id");
        await (await app.CancelSubscriptionAsync(org, business, org.Admin.Bearer)).AssertOkAsync();
        var member = await app.NewMemberAsync(org);

        async Task<string[]> Ids(string query) =>
            [.. (await (await app.GetAsync($"{org.Path}/subscriptions?{query}", member.Bearer)).AssertOkAsync()).GetProperty("data").EnumerateArray().Select(s => s.Str("id"))];

        Assert.Equal([credits, starter], await Ids(""));
        Assert.Equal([business], await Ids("status=canceled"));
        Assert.Equal([business, credits, starter], await Ids("status=all"));
        Assert.Equal([credits, starter], await Ids("status=active"));
        Assert.Empty(await Ids("status=past_due"));
        Assert.Equal([credits], await Ids($"plan={EmbeddedCatalogue.Credits100}"));
        Assert.Equal([credits, starter], await Ids("billing=charge_automatically"));
        Assert.Empty(await Ids("billing=send_invoice"));
        Assert.Empty(await Ids("customer=cus_someoneelse"));
        var customer = (await app.SubscriptionAsync(org, starter)).Str("customer");
        Assert.Equal([credits, starter], await Ids($"customer={customer}"));
        var end = (await app.SubscriptionAsync(org, starter)).Long("current_period_end");
        Assert.Equal([credits, starter], await Ids($"current_period_end[gte]={end}"));
        Assert.Empty(await Ids($"current_period_start[gt]={end}"));
        Assert.Equal([starter], await Ids($"status=all&limit=1&starting_after={credits}"));
        Assert.Equal([business], await Ids($"status=all&ending_before={credits}"));
        foreach (var query in new[] { "status=paused", "billing=yes", "limit=101", "created=x", "starting_after=sub_unknown" })
        {
            await (await app.GetAsync($"{org.Path}/subscriptions?{query}", member.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
    }

    [Fact]
    public async Task Cancel_at_period_end_is_set_and_unset_and_an_ended_subscription_cannot_change()
    {
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");
        var set = await (await app.ChangeSubscriptionAsync(org, id, new { cancel_at_period_end = true }, org.Admin.Bearer)).AssertOkAsync();
        Assert.True(set.GetProperty("cancel_at_period_end").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, set.GetProperty("canceled_at").ValueKind);
        Assert.Equal("active", set.Str("status"));
        var unset = await (await app.ChangeSubscriptionAsync(org, id, new { cancel_at_period_end = false }, org.Admin.Bearer)).AssertOkAsync();
        Assert.False(unset.GetProperty("cancel_at_period_end").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unset.GetProperty("canceled_at").ValueKind);

        await (await app.ChangeSubscriptionAsync(org, id, new { }, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        var canceled = await (await app.CancelSubscriptionAsync(org, id, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("canceled", canceled.Str("status"));
        Assert.Equal(canceled.Long("canceled_at"), canceled.Long("ended_at"));
        await (await app.CancelSubscriptionAsync(org, id, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "subscription_ended");
        await (await app.ChangeSubscriptionAsync(org, id, new { cancel_at_period_end = true }, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.Conflict, "subscription_ended");
        Assert.Single(await app.InvoicesAsync(org));
    }

    [Fact]
    public async Task Item_changes_add_remove_and_requantify_and_reject_bad_items()
    {
        var org = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        var subscription = await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1), (EmbeddedCatalogue.Credits100, 1));
        var id = subscription.Str("id");
        var starterItem = subscription.GetProperty("items")[0].GetProperty("data")[0].Str("id");

        var changed = await (await app.ChangeSubscriptionAsync(org, id, new
        {
            items = new object[] { new { id = starterItem, deleted = true }, new { plan = EmbeddedCatalogue.Credits100, quantity = 4 }, new { plan = EmbeddedCatalogue.BusinessMonthly } },
        }, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal([EmbeddedCatalogue.Credits100, EmbeddedCatalogue.BusinessMonthly], changed.GetProperty("plan").EnumerateArray().Select(p => p.Str("id")));
        Assert.Equal([4L, 1L], changed.GetProperty("items")[0].GetProperty("data").EnumerateArray().Select(i => i.Long("quantity")));
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("quantity").ValueKind);

        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { items = new[] { new { id = "si_unknown", quantity = 1 } } }, "items[0].id"),
                     (new { items = new[] { new { plan = EmbeddedCatalogue.StarterMonthlyUs } } }, "items"),
                     (new { items = new[] { new { plan = EmbeddedCatalogue.BusinessYearly } } }, "items"),
                     (new { items = new[] { new { plan = EmbeddedCatalogue.StarterMonthly, deleted = true } } }, "items[0]"),
                     (new { items = new object[] { new { plan = EmbeddedCatalogue.Credits100, deleted = true }, new { plan = EmbeddedCatalogue.BusinessMonthly, deleted = true } } }, "items"),
                 })
        {
            var error = await (await app.ChangeSubscriptionAsync(org, id, body, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), error.ToString());
        }
        Assert.Equal(changed.ToString(), (await app.SubscriptionAsync(org, id)).ToString());
    }

    [Fact]
    public async Task Unknown_and_other_organisations_subscriptions_and_invoices_are_404()
    {
        var org = await app.CreateOrgAsync();
        var other = await app.CreateOrgAsync();
        await app.UseCardAsync(org);
        var id = (await app.SubscribedAsync(org, (EmbeddedCatalogue.StarterMonthly, 1))).Str("id");
        var invoice = (await app.InvoicesAsync(org))[0].Str("id");
        await (await app.GetAsync($"{other.Path}/subscriptions/{id}", other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "subscription_not_found");
        await (await app.GetAsync($"{org.Path}/subscriptions/sub_unknown", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "subscription_not_found");
        await (await app.ChangeSubscriptionAsync(other, id, new { cancel_at_period_end = true }, other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "subscription_not_found");
        await (await app.CancelSubscriptionAsync(other, id, other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "subscription_not_found");
        await (await app.GetAsync($"{other.Path}/invoices/{invoice}", other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "invoice_not_found");
        await (await app.GetAsync($"{org.Path}/invoices/in_unknown", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "invoice_not_found");
        Assert.Empty(await app.InvoicesAsync(other));
        Assert.Equal("active", (await app.SubscriptionAsync(org, id)).Str("status"));
    }
}
