using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Audit;

/// <summary>The audit trail ("PaperTrail", operation 89): recording, the read writer, the sealer and the reader.</summary>
public sealed class AuditFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<AuditOptions>(AuditOptions.Section);
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditReadBuffer>();
        services.AddHostedService<AuditReadWriter>();
        services.AddHostedService<AuditSealer>();
        services.AddScoped<AuditReader>();
        services.AddScoped<AuditVerifier>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => AuditEndpoints.Map(app);
}
