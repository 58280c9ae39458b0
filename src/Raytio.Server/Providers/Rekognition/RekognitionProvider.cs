using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Rekognition.Live;
using Raytio.Server.Providers.Rekognition.Sandbox;

namespace Raytio.Server.Providers.Rekognition;

/// <summary>The face comparer behind operation 112: the Sandbox by default, AWS Rekognition when Raytio:Rekognition:Provider is Live.</summary>
public sealed class RekognitionProvider : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<RekognitionOptions>(RekognitionOptions.Section);
        services.AddSingleton<SandboxFaceSet>();
        services.AddSingleton<RekognitionSandboxComparer>();
        services.AddProviderHttpClient(RekognitionLiveComparer.HttpClientName, provider => provider.GetRequiredService<IOptions<RekognitionOptions>>().Value.Live);
        services.AddSingleton<RekognitionLiveComparer>();
        services.AddSingleton<IFaceComparer>(provider => provider.GetRequiredService<IOptions<RekognitionOptions>>().Value.Provider == RekognitionProviderKind.Live
            ? provider.GetRequiredService<RekognitionLiveComparer>()
            : provider.GetRequiredService<RekognitionSandboxComparer>());
    }
}
