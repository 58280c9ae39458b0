using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Ownership;

/// <summary>The IS_OWNER of profile objects (operations 59-61).</summary>
public sealed class OwnershipFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<ObjectOwnership>();

    public void MapEndpoints(IEndpointRouteBuilder app) => OwnershipEndpoints.Map(app);
}
