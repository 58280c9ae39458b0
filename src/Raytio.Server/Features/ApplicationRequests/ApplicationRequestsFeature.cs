using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ApplicationRequests;

/// <summary>Application requests (operations 13-15): asking a person by email to complete an access application.</summary>
public sealed class ApplicationRequestsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
    }
}
