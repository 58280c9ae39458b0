using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Centrix.Live;
using Raytio.Server.Providers.Centrix.Sandbox;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Centrix;

/// <summary>The credit bureau behind operations 99 and 100 (docs/CREDIT.md): the Sandbox by default, Centrix's SOAP services when Raytio:Centrix:Provider is Live.</summary>
public sealed class CentrixProvider : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<CentrixOptions>(CentrixOptions.Section);
        services.AddProviderHttpClient(CentrixSoap.HttpClientName, provider => provider.GetRequiredService<IOptions<CentrixOptions>>().Value.Live);
        services.AddSingleton<CentrixSoap>();
        services.AddSingleton<CentrixSandboxBureau>();
        services.AddSingleton<CentrixLiveBureau>();
        services.AddSingleton<ICentrixBureau>(provider => provider.GetRequiredService<IOptions<CentrixOptions>>().Value.Provider == CentrixProviderKind.Live
            ? provider.GetRequiredService<CentrixLiveBureau>()
            : provider.GetRequiredService<CentrixSandboxBureau>());
    }
}
