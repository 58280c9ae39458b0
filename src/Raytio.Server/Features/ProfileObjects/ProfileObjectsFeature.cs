using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>Profile objects (operations 34-40 and delete) on the permissioned graph, with their documents in the content store.</summary>
public sealed class ProfileObjectsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<ProfileObjectOptions>(ProfileObjectOptions.Section);
        services.AddSingleton<IContentStore, FileContentStore>();
        services.AddSingleton<ContentCleanup>();
        services.AddScoped<ProfileSchemas>();
        services.AddScoped<ProfileObjectCreator>();
        services.AddScoped<ProfileObjectUpdater>();
        services.AddScoped<ProfileObjectReader>();
        services.AddScoped<ReferenceExpander>();
        services.AddScoped<ProfileObjectContent>();
        services.AddScoped<ProfileObjectDeleter>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => ProfileObjectsEndpoints.Map(app);
}
