using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing;

/// <summary>
/// Billing (operations 19-25, 27-30, 32, 33): customers, which organisations create, plans,
/// subscriptions, payment methods and invoices, on the embedded engine (in our database) with
/// its renewal scheduler, and the credit meter that metered checks call.
/// </summary>
public sealed class BillingFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<BillingOptions>(BillingOptions.Section);
        services.AddScoped<IBillingCustomers, EmbeddedBillingCustomers>();
        services.AddScoped<IBillingPlans, EmbeddedPlans>();
        services.AddScoped<IBillingSubscriptions, EmbeddedSubscriptions>();
        services.AddScoped<IBillingPaymentMethods, EmbeddedPaymentMethods>();
        services.AddScoped<IBillingInvoices, EmbeddedInvoices>();
        services.AddScoped<EmbeddedObjects>();
        services.AddScoped<EmbeddedInvoicing>();
        services.AddScoped<BillingRenewals>();
        services.AddHostedService<BillingRenewalService>();
        services.AddScoped<BillingOperations>();
        services.AddSettings<MeteringOptions>(MeteringOptions.Section);
        services.AddScoped<MeterPrices>();
        services.AddScoped<CreditMeter>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => BillingEndpoints.Map(app);
}
