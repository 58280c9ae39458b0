using Raytio.Server.Hosting;

namespace Raytio.Server.Features.DriverLicence;

/// <summary>The NZTA driver licence check (operation 98); the register itself is Providers/DriverLicence.</summary>
public sealed class DriverLicenceFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<DriverLicenceOperation>();

    public void MapEndpoints(IEndpointRouteBuilder app) => DriverLicenceEndpoints.Map(app);
}
