using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Relationships;

/// <summary>Operations 62-63: typed relationships between two profile objects.</summary>
public sealed class RelationshipsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<ObjectRelationships>();

    public void MapEndpoints(IEndpointRouteBuilder app) => RelationshipsEndpoints.Map(app);
}
