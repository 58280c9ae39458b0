using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing;

/// <summary>The billing engine. For now its customers, which organisations create; the embedded engine by default.</summary>
public sealed class BillingFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) =>
        services.AddScoped<IBillingCustomers, EmbeddedBillingCustomers>();
}
