using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>Application requests (operations 13-15): asking a person by email to complete an access application.</summary>
public sealed class ApplicationRequestsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<ApplicationRequestOptions>(ApplicationRequestOptions.Section);
        services.AddScoped<ApplicationRequestClock>();
        services.AddScoped<ApplicationRequestCreation>();
        services.AddScoped<ApplicationRequestList>();
        services.AddScoped<ApplicationRequestChanges>();
        services.AddScoped<ICleanupTask, ApplicationRequestCleanup>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => ApplicationRequestsEndpoints.Map(app);
}
