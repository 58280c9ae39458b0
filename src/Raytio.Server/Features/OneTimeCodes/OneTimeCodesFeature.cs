using Raytio.Server.Hosting;

namespace Raytio.Server.Features.OneTimeCodes;

/// <summary>One-time codes (operations 110, 111); the engines are Providers/Twilio.</summary>
public sealed class OneTimeCodesFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<OneTimeCodeOperations>();

    public void MapEndpoints(IEndpointRouteBuilder app) => OneTimeCodeEndpoints.Map(app);
}
