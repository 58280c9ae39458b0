using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Schemas;

/// <summary>Schemas (operations 41-47), their validation, and the starter set of system schemas.</summary>
public sealed class SchemasFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<SchemaOptions>(SchemaOptions.Section);
        services.AddSingleton<SchemaValidator>();
        services.AddScoped<SchemaRegistry>();
        services.AddScoped<SchemaWriter>();
        services.AddSingleton<IStartupTask, StarterSchemas>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => SchemaEndpoints.Map(app);
}
