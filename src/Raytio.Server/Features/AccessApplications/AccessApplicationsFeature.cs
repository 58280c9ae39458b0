using Raytio.Server.Hosting;

namespace Raytio.Server.Features.AccessApplications;

/// <summary>Access applications (operations 69-72 and their PATCH, DELETE), their public keys (75-78) and wrapped private keys (79-82).</summary>
public sealed class AccessApplicationsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ApplicationAccess>();
        services.AddScoped<ApplicationScopes>();
        services.AddScoped<ApplicationChanges>();
        services.AddScoped<ApplicationReads>();
        services.AddScoped<ApplicationKeys>();
        services.AddScoped<ApplicationCredentials>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        AccessApplicationsEndpoints.Map(app);
        ApplicationKeysEndpoints.Map(app);
    }
}
