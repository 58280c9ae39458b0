using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Sharing;

/// <summary>Instances: share, withdraw, the person's reads (67, 68, 74) and the recipients' operations (73, 83-85).</summary>
public sealed class SharingFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<SharingOptions>(SharingOptions.Section);
        services.AddScoped<ShareCreator>();
        services.AddScoped<SharerOperations>();
        services.AddScoped<RecipientOperations>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => SharingEndpoints.Map(app);
}
