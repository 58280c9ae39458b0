using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Nzbn.Live;
using Raytio.Server.Providers.Nzbn.Sandbox;
using Raytio.Server.Providers.Outside;

namespace Raytio.Server.Providers.Nzbn;

/// <summary>The NZBN register: the Sandbox by default, NZBN API v5 when Raytio:Nzbn:Provider is Live.</summary>
public sealed class NzbnProvider : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<NzbnOptions>(NzbnOptions.Section);
        services.AddSingleton(provider =>
        {
            var sandbox = provider.GetRequiredService<IOptions<NzbnOptions>>().Value.Sandbox;
            return new NzbnSandboxDataset(sandbox.Seed, sandbox.Count);
        });
        services.AddSingleton<NzbnSandboxRegister>();
        services.AddProviderHttpClient(NzbnLiveRegister.HttpClientName, provider => provider.GetRequiredService<IOptions<NzbnOptions>>().Value.Live);
        services.AddSingleton<NzbnLiveRegister>();
        services.AddSingleton<INzbnRegister>(provider => provider.GetRequiredService<IOptions<NzbnOptions>>().Value.Provider == NzbnProviderKind.Live
            ? provider.GetRequiredService<NzbnLiveRegister>()
            : provider.GetRequiredService<NzbnSandboxRegister>());
    }
}
