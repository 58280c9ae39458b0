namespace Raytio.Server.Hosting;

/// <summary>
/// One area of the server (a feature under Features/ or an outside service under Providers/):
/// it registers its own services, options and start-up work, and maps its own routes. The host
/// lists the modules in <see cref="RaytioHost"/> and calls them in that order.
/// </summary>
public interface IFeatureModule
{
    void AddServices(IServiceCollection services);

    void MapEndpoints(IEndpointRouteBuilder app)
    {
    }
}
