using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Permissions;

/// <summary>Operations 48-50: granting (with cascade to sub objects), listing and revoking permissions.</summary>
public sealed class PermissionsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<AdministeredNodes>();
        services.AddScoped<CascadeWalk>();
        services.AddScoped<Granter>();
        services.AddScoped<Revoker>();
        services.AddScoped<PermissionListing>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => PermissionsEndpoints.Map(app);
}
