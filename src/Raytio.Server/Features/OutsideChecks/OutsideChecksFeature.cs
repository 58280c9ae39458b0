using Raytio.Server.Hosting;

namespace Raytio.Server.Features.OutsideChecks;

/// <summary>What the outside checks share: metering, membership and the audit trail around each provider call.</summary>
public sealed class OutsideChecksFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<OutsideCheckRunner>();
}
