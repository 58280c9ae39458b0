using Raytio.Server.Hosting;
using Raytio.Server.Providers.Centrix.Sandbox;

namespace Raytio.Server.Providers.Centrix;

/// <summary>The credit bureau behind operations 99 and 100: the Sandbox (docs/CREDIT.md; a Live Centrix adapter is not built yet).</summary>
public sealed class CentrixProvider : IFeatureModule
{
    public void AddServices(IServiceCollection services) => services.AddSingleton<ICentrixBureau, CentrixSandboxBureau>();
}
