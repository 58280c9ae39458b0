using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Audit;

/// <summary>The audit trail ("PaperTrail", operation 89).</summary>
public sealed class AuditFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditReadBuffer>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
    }
}
