using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Xero;

/// <summary>Accounting reports of an organisation's Xero ledger (115-118) and connecting it (connect / callback); Xero itself is Providers/Xero.</summary>
public sealed class XeroFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<XeroConnectFlow>();
        services.AddScoped<XeroConnectionTokens>();
        services.AddScoped<XeroReportOperations>();
        services.AddScoped<ICleanupTask, XeroAuthorizationCleanup>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => XeroEndpoints.Map(app);
}
