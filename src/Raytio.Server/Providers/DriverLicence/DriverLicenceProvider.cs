using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Centrix;
using Raytio.Server.Providers.Centrix.Live;

namespace Raytio.Server.Providers.DriverLicence;

/// <summary>
/// The driver licence register of operation 98 (docs/DRIVER-LICENCE.md): the Sandbox by default;
/// Centrix, which resells the NZTA check, when Raytio:Centrix:Provider is Live (one switch for
/// everything Centrix answers; its services are registered by <see cref="CentrixProvider"/>).
/// </summary>
public sealed class DriverLicenceProvider : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<SandboxDriverLicenceRegister>();
        services.AddSingleton<CentrixDriverLicenceRegister>();
        services.AddSingleton<IDriverLicenceRegister>(provider => provider.GetRequiredService<IOptions<CentrixOptions>>().Value.Provider == CentrixProviderKind.Live
            ? provider.GetRequiredService<CentrixDriverLicenceRegister>()
            : provider.GetRequiredService<SandboxDriverLicenceRegister>());
    }
}
