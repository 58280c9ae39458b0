using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Domains;

/// <summary>White-label domains (operations 16, 17) and their public theme.</summary>
public sealed class DomainsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<WhiteLabelDomains>();

    public void MapEndpoints(IEndpointRouteBuilder app) => DomainsEndpoints.Map(app);
}
