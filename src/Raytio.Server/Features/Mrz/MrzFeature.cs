using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Mrz;

/// <summary>Reading a travel document's machine-readable zone (the addition POST /clarity/{version}/mrz).</summary>
public sealed class MrzFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<MrzOptions>(MrzOptions.Section);
        services.AddSingleton<MrzOperation>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => MrzEndpoints.Map(app);
}
