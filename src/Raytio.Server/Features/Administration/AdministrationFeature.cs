using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Administration;

/// <summary>Installation administrators: named by the operator with the `admins` command; no routes of its own.</summary>
public sealed class AdministrationFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<InstallationAdministrators>();
}
