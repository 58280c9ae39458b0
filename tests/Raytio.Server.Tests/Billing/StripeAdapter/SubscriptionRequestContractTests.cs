using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Billing;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.Billing.Stripe;
using Raytio.Testing;
using Stripe;

namespace Raytio.Server.Tests.Billing.StripeAdapter;

/// <summary>
/// The subscription bodies Prism cannot read (arrays of items) checked against the same contract
/// by <see cref="FormContract"/>, and what the adapter makes of a request's items: prices,
/// quantities, items named by plan matched to their ids, prorations, the currency's tax rate.
/// </summary>
public sealed class SubscriptionRequestContractTests
{
    private const string Customer = "cus_QXg1o8vcGmoR32";
    private const string Item = "si_QXhVnC2h0Jczwc";
    private const string Price = "price_1PgafmB7WZ01zgkW6dKueIc5";

    private static readonly JsonObject Fixtures = JsonNode.Parse(System.IO.File.ReadAllText(RepoPaths.Combine("tests", "interop", "stripe", "fixtures3.current.subset.json")))!["resources"]!.AsObject();

    private readonly Recorder _stripe = new();

    [Fact]
    public async Task A_subscription_is_created_with_prices_quantities_and_the_currencys_tax_rate()
    {
        var created = await Adapter().CreateAsync(Customer,
            new SubscriptionCreate([new SubscriptionItemRequest(null, Price, 2, false), new SubscriptionItemRequest(null, "price_other", null, false)], true), CancellationToken.None);
        Assert.Equal("sub_1Pgc6rB7WZ01zgkWNy0Cn5nw", created.Id);

        var (_, _, body) = Assert.Single(_stripe.Requests, r => r.Method == "POST");
        Assert.Empty(FormContract.Violations("post", "/v1/subscriptions", body));
        var form = QueryHelpers.ParseQuery(body);
        Assert.Equal(Customer, form["customer"]);
        Assert.Equal(Price, form["items[0][price]"]);
        Assert.Equal("2", form["items[0][quantity]"]);
        Assert.Equal("price_other", form["items[1][price]"]);
        Assert.Equal("1", form["items[1][quantity]"]);
        Assert.Equal("true", form["cancel_at_period_end"]);
        Assert.Equal("allow_incomplete", form["payment_behavior"]);
        Assert.Equal("true", form["trial_from_plan"]);
        Assert.Equal("txr_usd", form["default_tax_rates[0]"]);
    }

    [Fact]
    public async Task A_change_names_items_by_id_matches_plans_to_items_and_prorates()
    {
        var changed = await Adapter().UpdateAsync(Customer, "sub_1", new SubscriptionChange(
            [new SubscriptionItemRequest(null, Price, 5, false), new SubscriptionItemRequest(null, "price_new", 1, false)], false), CancellationToken.None);
        Assert.NotNull(changed);

        var (_, path, body) = Assert.Single(_stripe.Requests, r => r.Method == "POST");
        Assert.Equal("/v1/subscriptions/sub_1", path);
        Assert.Empty(FormContract.Violations("post", "/v1/subscriptions/{subscription_exposed_id}", body));
        var form = QueryHelpers.ParseQuery(body);
        Assert.Equal(Item, form["items[0][id]"]);
        Assert.Equal("5", form["items[0][quantity]"]);
        Assert.False(form.ContainsKey("items[0][price]"));
        Assert.Equal("price_new", form["items[1][price]"]);
        Assert.False(form.ContainsKey("items[1][id]"));
        Assert.Equal("create_prorations", form["proration_behavior"]);
        Assert.Equal("false", form["cancel_at_period_end"]);

        await Adapter().UpdateAsync(Customer, "sub_1", new SubscriptionChange([new SubscriptionItemRequest(Item, null, null, true)], null), CancellationToken.None);
        var deleted = _stripe.Requests.Where(r => r.Method == "POST").Last().Body;
        Assert.Empty(FormContract.Violations("post", "/v1/subscriptions/{subscription_exposed_id}", deleted));
        Assert.Equal("true", QueryHelpers.ParseQuery(deleted)["items[0][deleted]"]);
    }

    [Fact]
    public void The_contract_check_itself_finds_unknown_names_wrong_types_and_missing_fields()
    {
        Assert.Contains("body.items[0].quantity: not a integer", FormContract.Violations("post", "/v1/subscriptions", "customer=cus_1&items[0][price]=p&items[0][quantity]=two"));
        Assert.Contains("body.items[0].plann: not a parameter of this operation", FormContract.Violations("post", "/v1/subscriptions", "customer=cus_1&items[0][plann]=p"));
        Assert.Contains("body.customer: required", FormContract.Violations("post", "/v1/subscriptions", "items[0][price]=p"));
        Assert.Contains("body.proration_behavior: 'sometimes' is not one of its values", FormContract.Violations("post", "/v1/subscriptions/{subscription_exposed_id}", "proration_behavior=sometimes"));
    }

    [Fact]
    public async Task Another_customers_subscription_is_not_changed()
    {
        Assert.Null(await Adapter().UpdateAsync("cus_someone_else", "sub_1", new SubscriptionChange(null, true), CancellationToken.None));
        Assert.Null(await Adapter().CancelAsync("cus_someone_else", "sub_1", CancellationToken.None));
        Assert.DoesNotContain(_stripe.Requests, r => r.Method is "POST" or "DELETE");
    }

    private StripeSubscriptions Adapter()
    {
        var client = new StripeClient("sk_test_contract", httpClient: new SystemNetHttpClient(new HttpClient(_stripe), maxNetworkRetries: 0));
        var options = new BillingOptions { Stripe = new StripeBillingOptions { TaxRates = new Dictionary<string, string> { ["usd"] = "txr_usd" } } };
        return new StripeSubscriptions(client, new StripeCalls(NullLogger<StripeCalls>.Instance), Options.Create(options));
    }

    /// <summary>Answers Stripe's current fixtures (a price for /v1/prices, else the subscription) and keeps each request.</summary>
    private sealed class Recorder : HttpMessageHandler
    {
        public List<(string Method, string Path, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method.Method, request.RequestUri!.AbsolutePath, body));
            var answer = request.RequestUri.AbsolutePath.StartsWith("/v1/prices/", StringComparison.Ordinal) ? Fixtures["price"]! : Fixtures["subscription"]!;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") };
        }
    }
}
