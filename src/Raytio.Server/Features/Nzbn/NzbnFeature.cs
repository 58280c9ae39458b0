using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Nzbn;

/// <summary>The NZ Business Number register's operations (90, 108, 109); the register itself is Providers/Nzbn.</summary>
public sealed class NzbnFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<NzbnOperations>();

    public void MapEndpoints(IEndpointRouteBuilder app) => NzbnEndpoints.Map(app);
}
