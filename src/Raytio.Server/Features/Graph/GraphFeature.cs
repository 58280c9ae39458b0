using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Graph;

/// <summary>
/// The permissioned graph every profile-object area stands on: nodes, labels, relationships, the
/// PUBLIC group, users as principals, and the permission service.
/// </summary>
public sealed class GraphFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<PermissionService>();
        services.AddScoped<GraphPrincipals>();
        services.AddSingleton<IStartupTask, PublicGroup>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
    }
}
