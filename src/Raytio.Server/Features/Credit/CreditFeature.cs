using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Credit;

/// <summary>Credit reports (operations 99, 100); the bureau itself is Providers/Centrix.</summary>
public sealed class CreditFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<CreditOperations>();

    public void MapEndpoints(IEndpointRouteBuilder app) => CreditEndpoints.Map(app);
}
