using System.Net;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.Billing;

/// <summary>Operations 27-30 with Stripe's test payment methods, and the default payment method of operation 12.</summary>
public sealed class PaymentMethodTests(RaytioFactory app) : IClassFixture<RaytioFactory>
{
    [Theory]
    [InlineData("pm_card_visa", "visa", "4242", "credit", "US")]
    [InlineData("pm_card_mastercard", "mastercard", "4444", "credit", "US")]
    [InlineData("pm_card_amex", "amex", "8431", "credit", "US")]
    [InlineData("pm_card_visa_debit", "visa", "5556", "debit", "US")]
    [InlineData("pm_card_chargeCustomerFail", "visa", "0341", "credit", "US")]
    public async Task Attaching_a_test_card_makes_a_card_of_its_brand_on_the_customer(string token, string brand, string last4, string funding, string country)
    {
        var org = await app.CreateOrgAsync();
        var card = await (await app.AttachAsync(org, token, org.Admin.Bearer)).AssertOkAsync();
        var id = card.Str("id");
        Assert.StartsWith("pm_", id);
        Assert.NotEqual(token, id);
        Assert.Equal("payment_method", card.Str("object"));
        Assert.Equal("card", card.Str("type"));
        var details = card.GetProperty("card");
        Assert.Equal(brand, details.Str("brand"));
        Assert.Equal(last4, details.Str("last4"));
        Assert.Equal(funding, details.Str("funding"));
        Assert.Equal(country, details.Str("country"));
        var now = app.Time.GetUtcNow();
        Assert.Equal(now.Month, details.Long("exp_month"));
        Assert.Equal(now.Year + TestCard.YearsValid, details.Long("exp_year"));
        var customer = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == org.Id).Select(o => o.CustomerId).SingleAsync());
        Assert.Equal(customer, card.Str("customer"));

        var read = await (await app.GetAsync($"{org.Path}/payment_methods/{id}", org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(card.ToString(), read.ToString());
        // Attaching one's own card again answers it unchanged.
        Assert.Equal(card.ToString(), (await (await app.AttachAsync(org, id, org.Admin.Bearer)).AssertOkAsync()).ToString());
    }

    [Theory]
    [InlineData("pm_card_chargeDeclined")]
    [InlineData("pm_card_chargeDeclinedInsufficientFunds")]
    [InlineData("pm_card_chargeDeclinedExpiredCard")]
    public async Task A_card_that_declines_on_attach_answers_402_and_is_not_kept(string token)
    {
        var org = await app.CreateOrgAsync();
        await (await app.AttachAsync(org, token, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.PaymentRequired, "card_declined");
        var list = await (await app.GetAsync($"{org.Path}/payment_methods?type=card", org.Admin.Bearer)).AssertOkAsync();
        Assert.Empty(list.GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task No_card_number_is_stored_only_brand_last4_and_expiry()
    {
        var org = await app.CreateOrgAsync();
        await (await app.AttachAsync(org, "pm_card_visa", org.Admin.Bearer)).AssertOkAsync();
        var columns = await app.WithDbAsync(async db => db.Model.FindEntityType(typeof(BillingPaymentMethodRecord))!.GetProperties().Select(p => p.Name).ToList());
        Assert.DoesNotContain(columns, c => c.Contains("Number", StringComparison.OrdinalIgnoreCase) || c.Contains("Cvc", StringComparison.OrdinalIgnoreCase));
        var stored = await app.WithDbAsync(db => db.BillingPaymentMethods.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(stored, m => System.Text.Json.JsonSerializer.Serialize(m).Contains("4242424242424242", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lists_need_a_type_and_page_newest_first()
    {
        var org = await app.CreateOrgAsync();
        var ids = new List<string>();
        foreach (var token in new[] { "pm_card_visa", "pm_card_mastercard", "pm_card_amex" })
        {
            ids.Add((await (await app.AttachAsync(org, token, org.Admin.Bearer)).AssertOkAsync()).Str("id"));
        }
        var member = await app.NewMemberAsync(org);
        var page = await (await app.GetAsync($"{org.Path}/payment_methods?type=card&limit=2", member.Bearer)).AssertOkAsync();
        Assert.Equal([ids[2], ids[1]], page.GetProperty("data").EnumerateArray().Select(m => m.Str("id")));
        Assert.True(page.GetProperty("has_more").GetBoolean());
        var rest = await (await app.GetAsync($"{org.Path}/payment_methods?type=card&limit=2&starting_after={ids[1]}", member.Bearer)).AssertOkAsync();
        Assert.Equal([ids[0]], rest.GetProperty("data").EnumerateArray().Select(m => m.Str("id")));
        Assert.False(rest.GetProperty("has_more").GetBoolean());
        var present = await (await app.GetAsync($"{org.Path}/payment_methods?type=card_present", member.Bearer)).AssertOkAsync();
        Assert.Empty(present.GetProperty("data").EnumerateArray());

        foreach (var query in new[] { "", "?type=bank", "?type=card&limit=0", "?type=card&starting_after=pm_unknown" })
        {
            await (await app.GetAsync($"{org.Path}/payment_methods{query}", member.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
    }

    [Fact]
    public async Task The_default_payment_method_is_set_through_the_organisation_and_cleared_by_detach()
    {
        var org = await app.CreateOrgAsync();
        var other = await app.CreateOrgAsync();
        var card = await app.UseCardAsync(org);
        var customer = (await (await app.GetAsync(org.Path, org.Admin.Bearer)).AssertOkAsync()).GetProperty("customer");
        Assert.Equal(card, customer.GetProperty("invoice_settings").Str("default_payment_method"));
        Assert.False(customer.GetProperty("delinquent").GetBoolean());

        // Another organisation's card cannot be its default, nor read, attached or detached there.
        var body = System.Text.Json.JsonSerializer.Serialize(new { name = "Other", email = "o@example.com", customer = new { invoice_settings = new { default_payment_method = card } } });
        await (await app.SendJsonTextAsync(HttpMethod.Put, other.Path, body, other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await app.GetAsync($"{other.Path}/payment_methods/{card}", other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "payment_method_not_found");
        await (await app.AttachAsync(other, card, other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "payment_method_not_found");
        await (await app.DetachAsync(other, card, other.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "payment_method_not_found");

        var detached = await (await app.DetachAsync(org, card, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, detached.GetProperty("customer").ValueKind);
        customer = (await (await app.GetAsync(org.Path, org.Admin.Bearer)).AssertOkAsync()).GetProperty("customer");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, customer.GetProperty("invoice_settings").GetProperty("default_payment_method").ValueKind);
        // Detached for good: not readable, not attachable again, not detachable twice.
        await (await app.GetAsync($"{org.Path}/payment_methods/{card}", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "payment_method_not_found");
        await (await app.AttachAsync(org, card, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "payment_method_not_found");
        await (await app.DetachAsync(org, card, org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "payment_method_not_found");
        await (await app.AttachAsync(org, "pm_unknown", org.Admin.Bearer)).AssertErrorAsync(HttpStatusCode.NotFound, "payment_method_not_found");
    }
}
