using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Groups;

/// <summary>Groups of users (operations 51-58): principals that hold permissions for their members.</summary>
public sealed class GroupsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<GroupAccess>();
        services.AddScoped<GroupCreation>();
        services.AddScoped<GroupReads>();
        services.AddScoped<GroupMembership>();
        services.AddScoped<GroupOwnership>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => GroupsEndpoints.Map(app);
}
