using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.Billing.Stripe;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing;

/// <summary>
/// Billing (operations 19-25, 27-30, 32, 33): customers, which organisations create, plans,
/// subscriptions, payment methods and invoices, on the engine Raytio:Billing:Engine names: the
/// embedded engine (in our database, the default) with its renewal scheduler, or Stripe, which
/// renews, retries and expires subscriptions itself (so the scheduler is not registered); and
/// the credit meter that metered checks call.
/// </summary>
public sealed class BillingFeature : IFeatureModule
{
    /// <summary>Without settings: the default engine.</summary>
    public void AddServices(IServiceCollection services) => AddServices(services, BillingEngine.Embedded);

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        AddServices(services, configuration.GetValue(BillingOptions.EngineKey, BillingEngine.Embedded));

    private static void AddServices(IServiceCollection services, BillingEngine engine)
    {
        services.AddSettings<BillingOptions>(BillingOptions.Section);
        services.AddScoped<BillingOperations>();
        services.AddSettings<MeteringOptions>(MeteringOptions.Section);
        services.AddScoped<MeterPrices>();
        services.AddScoped<CreditMeter>();
        services.AddScoped<MeteredCall>();
        if (engine == BillingEngine.Stripe)
        {
            services.AddStripeBilling();
            return;
        }
        services.AddScoped<IBillingCustomers, EmbeddedBillingCustomers>();
        services.AddScoped<IBillingPlans, EmbeddedPlans>();
        services.AddScoped<IBillingSubscriptions, EmbeddedSubscriptions>();
        services.AddScoped<IBillingPaymentMethods, EmbeddedPaymentMethods>();
        services.AddScoped<IBillingInvoices, EmbeddedInvoices>();
        services.AddScoped<EmbeddedObjects>();
        services.AddScoped<EmbeddedInvoicing>();
        services.AddScoped<BillingRenewals>();
        services.AddHostedService<BillingRenewalService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => BillingEndpoints.Map(app);
}
