using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Raytio.Server.Features.Billing.Embedded;
using Stripe;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>
/// Registers the Stripe adapter. Stripe.net's <see cref="SystemNetHttpClient"/> sends over an
/// IHttpClientFactory client whose resilience pipeline bounds each try by
/// Raytio:Billing:Stripe:Timeout. Retries are Stripe.net's own (MaxNetworkRetries): it reuses one
/// Idempotency-Key for every try of a POST and follows Stripe's `Stripe-Should-Retry`, which a
/// generic retry handler could not, so the pipeline adds none.
/// </summary>
public static class StripeEngine
{
    public const string HttpClientName = "stripe";

    public static void AddStripeBilling(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName)
            .AddResilienceHandler("stripe-timeout", (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<BillingOptions>>().Value.Stripe.Timeout));
        services.AddScoped<IStripeClient>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<BillingOptions>>().Value.Stripe;
            var http = new SystemNetHttpClient(provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), settings.MaxNetworkRetries);
            return new StripeClient(apiKey: settings.SecretKey, httpClient: http, apiBase: settings.ApiBase.GetLeftPart(UriPartial.Authority));
        });
        services.AddSingleton<StripeCalls>();
        services.AddScoped<StripeLineCatalogue>();
        services.AddScoped<IBillingCustomers, StripeCustomers>();
        services.AddScoped<IBillingPlans, StripePlans>();
        services.AddScoped<IBillingSubscriptions, StripeSubscriptions>();
        services.AddScoped<IBillingPaymentMethods, StripePaymentMethods>();
        services.AddScoped<IBillingInvoices, StripeInvoices>();
    }
}
