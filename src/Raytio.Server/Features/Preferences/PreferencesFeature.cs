using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Preferences;

/// <summary>The caller's preferences object (operations 65-66).</summary>
public sealed class PreferencesFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => PreferencesEndpoints.Map(app);
}
