namespace Raytio.Server.Hosting;

/// <summary>
/// One area of the server (a feature under Features/ or an outside service under Providers/):
/// it registers its own services, options and start-up work, and maps its own routes. The host
/// lists the modules in <see cref="RaytioHost"/> and calls them in that order.
/// </summary>
public interface IFeatureModule
{
    void AddServices(IServiceCollection services);

    /// <summary>What the host calls: a module whose registrations depend on settings (which engine, which provider) overrides it.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration) => AddServices(services);

    void MapEndpoints(IEndpointRouteBuilder app)
    {
    }
}
