using Raytio.Server.Hosting;

namespace Raytio.Server.Features.CypherQueries;

/// <summary>Operation 64: read-only Cypher over the graph the caller may see (docs/CYPHER.md).</summary>
public sealed class CypherQueriesFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<CypherQueryOptions>(CypherQueryOptions.Section);
        services.AddScoped<CallerVisibility>();
        services.AddScoped<CompiledQueryRunner>();
        services.AddScoped<CypherQueryService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => CypherQueriesEndpoints.Map(app);
}
