using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Raytio.Server.Features.Billing.Stripe;
using Raytio.Server.Hosting;
using Stripe;

namespace Raytio.Server.Tests.Billing.StripeAdapter;

/// <summary>What Stripe answers, turned into our errors: 402 for a card, null for a missing object, 400 naming our field, 502 naming stripe for the rest.</summary>
public sealed class StripeCallsTests
{
    private readonly StripeCalls _calls = new(NullLogger<StripeCalls>.Instance);

    [Fact]
    public async Task A_card_error_is_a_402_card_declined_with_the_decline_code()
    {
        var failure = await Assert.ThrowsAsync<ApiException>(() => AttachAsync(HttpStatusCode.PaymentRequired,
            """{"error":{"type":"card_error","code":"card_declined","decline_code":"insufficient_funds","message":"Your card has insufficient funds."}}"""));
        Assert.Equal(402, failure.Status);
        Assert.Equal("card_declined", failure.Code);
        Assert.Contains("insufficient_funds", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_object_is_null()
    {
        Assert.Null(await AttachAsync(HttpStatusCode.NotFound,
            """{"error":{"type":"invalid_request_error","code":"resource_missing","param":"payment_method","message":"No such PaymentMethod: 'pm_x'"}}"""));
    }

    [Theory]
    [InlineData("items[0][price]", "items[0].plan")]
    [InlineData("items[2][quantity]", "items[2].quantity")]
    [InlineData("invoice_settings[default_payment_method]", "customer.invoice_settings.default_payment_method")]
    [InlineData("starting_after", "starting_after")]
    public async Task An_invalid_parameter_is_a_400_naming_our_field(string stripeParam, string ourField)
    {
        var failure = await Assert.ThrowsAsync<ApiException>(() => AttachAsync(HttpStatusCode.BadRequest,
            $$$"""{"error":{"type":"invalid_request_error","code":"parameter_invalid","param":"{{{stripeParam}}}","message":"Invalid value (vendor text)"}}"""));
        Assert.Equal(400, failure.Status);
        Assert.Equal(ourField, Assert.Single(failure.Errors!).Key);
        Assert.DoesNotContain("vendor text", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, """{"error":{"type":"api_error","message":"Stripe internal detail"}}""")]
    [InlineData(HttpStatusCode.TooManyRequests, """{"error":{"type":"invalid_request_error","code":"rate_limit","message":"Stripe internal detail"}}""")]
    [InlineData(HttpStatusCode.Unauthorized, """{"error":{"type":"invalid_request_error","message":"Invalid API Key provided: sk_test_***"}}""")]
    [InlineData(HttpStatusCode.OK, "<html>Stripe internal detail</html>")]
    public async Task Anything_else_is_a_502_naming_stripe_without_its_body(HttpStatusCode status, string body)
    {
        var failure = await Assert.ThrowsAsync<ApiException>(() => AttachAsync(status, body));
        Assert.Equal(502, failure.Status);
        Assert.Equal("billing_provider_unavailable", failure.Code);
        Assert.Contains("'stripe'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Stripe internal detail", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_test", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_network_failure_is_a_502()
    {
        var failure = await Assert.ThrowsAsync<ApiException>(() => AttachAsync(new Throwing()));
        Assert.Equal(502, failure.Status);
    }

    private Task<PaymentMethod?> AttachAsync(HttpStatusCode status, string body) => AttachAsync(new Answering(status, body));

    private Task<PaymentMethod?> AttachAsync(HttpMessageHandler handler)
    {
        var client = new StripeClient("sk_test_calls", httpClient: new SystemNetHttpClient(new HttpClient(handler), maxNetworkRetries: 0));
        var service = new PaymentMethodService(client);
        return _calls.RunAsync(() => service.AttachAsync("pm_x", new PaymentMethodAttachOptions { Customer = "cus_x" }), missingMeansNull: true, CancellationToken.None);
    }

    private sealed class Answering(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    private sealed class Throwing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused");
    }
}
