using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Conversion;

/// <summary>JSON <-> CSV conversion (operations 113-114).</summary>
public sealed class ConversionFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddSettings<ConvertOptions>(ConvertOptions.Section);

    public void MapEndpoints(IEndpointRouteBuilder app) => ConversionEndpoints.Map(app);
}
