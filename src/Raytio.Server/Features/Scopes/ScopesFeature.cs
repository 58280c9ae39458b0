using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Scopes;

/// <summary>Resource servers and their scopes (operations 86-88), which access applications name.</summary>
public sealed class ScopesFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ResourceServers>();
        services.AddSingleton<IStartupTask, StarterScopes>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => ScopesEndpoints.Map(app);
}
