using Raytio.Server.Hosting;

namespace Raytio.Server.Features.FaceComparison;

/// <summary>Face comparison (operation 112); the comparer itself is Providers/Rekognition.</summary>
public sealed class FaceComparisonFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<FaceComparisonOperation>();

    public void MapEndpoints(IEndpointRouteBuilder app) => FaceComparisonEndpoints.Map(app);
}
