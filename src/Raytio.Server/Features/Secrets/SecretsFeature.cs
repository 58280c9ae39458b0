using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Secrets;

/// <summary>
/// Secrets at rest: the <see cref="SecretProtector"/> and <see cref="ServerSecrets"/> other areas
/// use, and the settings of the Data Protection key ring (registered by the host through
/// <see cref="DataProtectionSetup"/>).
/// </summary>
public sealed class SecretsFeature : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<KeyRingOptions>(KeyRingOptions.Section);
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<ServerSecrets>();
        services.AddSingleton<IStartupTask, KeyRingCheck>();
    }
}
