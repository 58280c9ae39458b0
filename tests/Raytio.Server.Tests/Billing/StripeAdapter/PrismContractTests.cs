using System.Text.RegularExpressions;
using Raytio.Server.Tests.Graph;
using Raytio.Server.Tests.Infrastructure;
using Raytio.Server.Tests.Organizations;

namespace Raytio.Server.Tests.Billing.StripeAdapter;

/// <summary>
/// Operations 8, 11, 12, 19-21, 23-25, 27-30, 32 and 33 through the HTTP API with the Stripe engine
/// against Prism serving Stripe's 2023-08-16 contract: Prism checks every request the adapter sends
/// (a request that breaks the contract gets a 422, which the adapter answers as 502) and answers
/// with objects shaped by the contract, which the adapter maps. Prism answers placeholders: every
/// id is the text "string", so the one organisation here has the customer "string", which the
/// answered objects name too.
/// </summary>
public sealed partial class PrismContractTests(PrismStripeHost app) : IClassFixture<PrismStripeHost>
{
    private static readonly SemaphoreSlim OrgGate = new(1, 1);
    private static readonly Dictionary<PrismStripeHost, Organizations.Org> Orgs = [];

    [Fact]
    public async Task Plans_are_listed_and_read_as_2019_plans_from_recurring_prices()
    {
        var user = await GraphUser.CreateAsync(app);
        var list = await (await app.GetAsync("/org/v1/plans?limit=3&active=true&created[gte]=1500000000&product=prod_1", user.Bearer)).AssertOkAsync();
        Assert.Equal("list", list.Str("object"));
        var plan = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal("plan", plan.Str("object"));
        Assert.Equal("string", plan.Str("id"));
        var read = await (await app.GetAsync("/org/v1/plans/price_1", user.Bearer)).AssertOkAsync();
        Assert.Equal("plan", read.Str("object"));
        AssertEveryRequestValid();
    }

    [Fact]
    public async Task Subscriptions_are_listed_read_changed_and_cancelled()
    {
        var org = await OrgAsync();
        var list = await (await app.GetAsync($"{org.Path}/subscriptions?status=all&limit=5&current_period_end[lt]=2000000000&plan=price_1", org.Admin.Bearer)).AssertOkAsync();
        var subscription = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal("subscription", subscription.Str("object"));
        Assert.Equal("charge_automatically", subscription.Str("billing"));
        Assert.Equal("string", subscription.Str("customer"));

        var read = await (await app.GetAsync($"{org.Path}/subscriptions/sub_1", org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("string", read.Str("id"));
        // Items are left out: Prism cannot read the deepObject arrays (items[0][price]) of Stripe's form bodies (docs/BILLING.md).
        await (await app.ChangeSubscriptionAsync(org, "sub_1", new { cancel_at_period_end = true }, org.Admin.Bearer)).AssertOkAsync();
        await (await app.CancelSubscriptionAsync(org, "sub_1", org.Admin.Bearer)).AssertOkAsync();
        AssertEveryRequestValid();
    }

    [Fact]
    public async Task Payment_methods_are_listed_read_attached_and_detached()
    {
        var org = await OrgAsync();
        var list = await (await app.GetAsync($"{org.Path}/payment_methods?type=card&limit=2&starting_after=pm_0", org.Admin.Bearer)).AssertOkAsync();
        var card = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal("payment_method", card.Str("object"));
        Assert.Equal("string", card.GetProperty("card").Str("last4"));
        await (await app.GetAsync($"{org.Path}/payment_methods/pm_1", org.Admin.Bearer)).AssertOkAsync();
        await (await app.AttachAsync(org, "pm_card_visa", org.Admin.Bearer)).AssertOkAsync();
        await (await app.DetachAsync(org, "pm_1", org.Admin.Bearer)).AssertOkAsync();
        await app.SetDefaultPaymentMethodAsync(org, "pm_1");
        await app.SetDefaultPaymentMethodAsync(org, null);
        AssertEveryRequestValid();
    }

    [Fact]
    public async Task Invoices_are_listed_and_read_with_their_lines_plans_and_tax_rates()
    {
        var org = await OrgAsync();
        var invoices = await app.InvoicesAsync(org, "limit=100&created[gte]=1&subscription=sub_1&billing=charge_automatically");
        var invoice = Assert.Single(invoices);
        Assert.Equal("invoice", invoice.Str("object"));
        Assert.Equal("string", invoice.Str("customer"));
        var line = Assert.Single(invoice.Lines());
        Assert.Equal("plan", line.GetProperty("plan").GetProperty("data")[0].Str("object"));
        await (await app.GetAsync($"{org.Path}/invoices/in_1", org.Admin.Bearer)).AssertOkAsync();
        AssertEveryRequestValid();
    }

    [Fact]
    public async Task The_organisation_shows_its_stripe_customer()
    {
        var org = await OrgAsync();
        var read = await (await app.GetAsync(org.Path, org.Admin.Bearer)).AssertOkAsync();
        Assert.Equal("string", read.GetProperty("customer").Str("id"));
        AssertEveryRequestValid();
    }

    /// <summary>Prism logs each request's validation; none may have broken the contract.</summary>
    private void AssertEveryRequestValid()
    {
        var output = app.Stripe.Output;
        Assert.Contains("The request passed the validation rules", output, StringComparison.Ordinal);
        var violations = output.Split('\n').Where(line => Violation().IsMatch(line)).ToList();
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    private async Task<Organizations.Org> OrgAsync()
    {
        await OrgGate.WaitAsync();
        try
        {
            if (!Orgs.TryGetValue(app, out var org))
            {
                org = await app.CreateOrgAsync();
                Orgs[app] = org;
            }
            return org;
        }
        finally
        {
            OrgGate.Release();
        }
    }

    [GeneratedRegex("Violation|did not pass the validation rules|✖")]
    private static partial Regex Violation();
}
