using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Xero.Live;
using Raytio.Server.Providers.Xero.Sandbox;

namespace Raytio.Server.Providers.Xero;

/// <summary>Xero: the Sandbox (demo ledger, in-process consent) by default, Xero's identity service and Accounting API when Raytio:Xero:Provider is Live.</summary>
public sealed class XeroProvider : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<XeroOptions>(XeroOptions.Section);
        services.AddSingleton(provider => new DemoLedger(provider.GetRequiredService<IOptions<XeroOptions>>().Value.Sandbox.Seed, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<XeroSandboxReports>();
        services.AddSingleton<XeroSandboxIdentity>();
        services.AddProviderHttpClient(XeroLiveIdentity.HttpClientName, provider => provider.GetRequiredService<IOptions<XeroOptions>>().Value.Live);
        services.AddProviderHttpClient(XeroLiveReports.HttpClientName, provider => provider.GetRequiredService<IOptions<XeroOptions>>().Value.Live);
        services.AddSingleton<XeroLiveIdentity>();
        services.AddSingleton<XeroLiveReports>();
        services.AddSingleton<IXeroReports>(provider => IsLive(provider) ? provider.GetRequiredService<XeroLiveReports>() : provider.GetRequiredService<XeroSandboxReports>());
        services.AddSingleton<IXeroIdentity>(provider => IsLive(provider) ? provider.GetRequiredService<XeroLiveIdentity>() : provider.GetRequiredService<XeroSandboxIdentity>());
    }

    private static bool IsLive(IServiceProvider provider) => provider.GetRequiredService<IOptions<XeroOptions>>().Value.Provider == XeroProviderKind.Live;
}
