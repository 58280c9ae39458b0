using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Tests.Infrastructure;


namespace Raytio.Server.Tests.Billing;

/// <summary>The billing operations as the tests call them, and the clock and renewal passes they drive.</summary>
internal static class BillingClient
{
    public static Task<HttpResponseMessage> AttachAsync(this RaytioFactory app, Organizations.Org org, string paymentMethod, string? bearer) =>
        app.SendAsync(HttpMethod.Post, $"{org.Path}/payment_methods/{paymentMethod}/attach", null, bearer);

    public static Task<HttpResponseMessage> DetachAsync(this RaytioFactory app, Organizations.Org org, string paymentMethod, string? bearer) =>
        app.SendAsync(HttpMethod.Post, $"{org.Path}/payment_methods/{paymentMethod}/detach", null, bearer);

    /// <summary>Attaches a test card and makes it the organisation's default payment method (operation 12); its pm_ id.</summary>
    public static async Task<string> UseCardAsync(this RaytioFactory app, Organizations.Org org, string testCard = "pm_card_visa")
    {
        var card = await (await app.AttachAsync(org, testCard, org.Admin.Bearer)).AssertOkAsync();
        var id = card.GetProperty("id").GetString()!;
        await app.SetDefaultPaymentMethodAsync(org, id);
        return id;
    }

    public static async Task SetDefaultPaymentMethodAsync(this RaytioFactory app, Organizations.Org org, string? paymentMethod)
    {
        var body = new { name = "Billed org", email = "billing@example.com", customer = new { invoice_settings = new { default_payment_method = paymentMethod } } };
        await (await app.SendJsonTextAsync(HttpMethod.Put, org.Path, JsonSerializer.Serialize(body), org.Admin.Bearer)).AssertOkAsync();
    }

    public static Task<HttpResponseMessage> SubscribeAsync(this RaytioFactory app, Organizations.Org org, string? bearer, params (string Plan, int Quantity)[] items) =>
        app.PostJsonAsync($"{org.Path}/subscriptions", new { items = items.Select(i => new { plan = i.Plan, quantity = i.Quantity }) }, bearer);

    public static async Task<JsonElement> SubscribedAsync(this RaytioFactory app, Organizations.Org org, params (string Plan, int Quantity)[] items) =>
        await (await app.SubscribeAsync(org, org.Admin.Bearer, items)).AssertOkAsync();

    public static Task<HttpResponseMessage> ChangeSubscriptionAsync(this RaytioFactory app, Organizations.Org org, string subscription, object body, string? bearer) =>
        app.SendJsonTextAsync(HttpMethod.Patch, $"{org.Path}/subscriptions/{subscription}", JsonSerializer.Serialize(body), bearer);

    public static Task<HttpResponseMessage> CancelSubscriptionAsync(this RaytioFactory app, Organizations.Org org, string subscription, string? bearer) =>
        app.SendAsync(HttpMethod.Delete, $"{org.Path}/subscriptions/{subscription}", null, bearer);

    public static async Task<JsonElement> SubscriptionAsync(this RaytioFactory app, Organizations.Org org, string subscription) =>
        await (await app.GetAsync($"{org.Path}/subscriptions/{subscription}", org.Admin.Bearer)).AssertOkAsync();

    /// <summary>The organisation's invoices, newest first (up to 100).</summary>
    public static async Task<JsonElement[]> InvoicesAsync(this RaytioFactory app, Organizations.Org org, string query = "limit=100") =>
        [.. (await (await app.GetAsync($"{org.Path}/invoices?{query}", org.Admin.Bearer)).AssertOkAsync()).GetProperty("data").EnumerateArray()];

    public static async Task<bool> DelinquentAsync(this RaytioFactory app, Organizations.Org org) =>
        (await (await app.GetAsync(org.Path, org.Admin.Bearer)).AssertOkAsync()).GetProperty("customer").GetProperty("delinquent").GetBoolean();

    /// <summary>Moves the clock to <paramref name="moment"/> and runs a renewal pass, as the scheduler would.</summary>
    public static async Task<int> RenewAtAsync(this RaytioFactory app, DateTimeOffset moment)
    {
        app.Time.SetUtcNow(moment);
        return await app.RunRenewalsAsync();
    }

    public static async Task<int> RunRenewalsAsync(this RaytioFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BillingRenewals>().RunDueAsync(CancellationToken.None);
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    public static long Unix(this DateTimeOffset moment) => moment.ToUnixTimeSeconds();

    public static long Long(this JsonElement element, string property) => element.GetProperty(property).GetInt64();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static JsonElement[] Lines(this JsonElement invoice) => [.. invoice.GetProperty("lines").GetProperty("data").EnumerateArray()];
}
