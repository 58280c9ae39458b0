using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Links;

/// <summary>Short links (operations 9, 10, 31) and the public /l/{short_link_id} redirect.</summary>
public sealed class LinksFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<LinkOptions>(LinkOptions.Section);
        services.AddSingleton<ShortLinkCache>();
        services.AddScoped<ShortLinkLookup>();
        services.AddScoped<ShortLinkStore>();
        services.AddScoped<OrganizationLinks>();
        services.AddScoped<LinkCreation>();
        services.AddScoped<ICleanupTask, ShortLinkCleanup>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => LinksEndpoints.Map(app);
}
