using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Outside;
using Raytio.Server.Providers.Twilio.Live;
using Raytio.Server.Providers.Twilio.Local;
using Raytio.Server.Providers.Twilio.Storage;

namespace Raytio.Server.Providers.Twilio;

/// <summary>One-time codes (operations 110, 111): our own engine by default, Twilio Verify when Raytio:Twilio:Engine is Live.</summary>
public sealed class TwilioProvider : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<TwilioOptions>(TwilioOptions.Section);
        services.AddSingleton<OneTimeCodeHashes>();
        services.AddScoped<CodeDelivery>();
        services.AddScoped<LocalOneTimeCodeEngine>();
        services.AddProviderHttpClient(TwilioVerifyEngine.HttpClientName, provider => provider.GetRequiredService<IOptions<TwilioOptions>>().Value.Live);
        services.AddScoped<TwilioVerifyEngine>();
        services.AddScoped<IOneTimeCodeEngine>(provider => provider.GetRequiredService<IOptions<TwilioOptions>>().Value.Engine == OneTimeCodeEngineKind.Live
            ? provider.GetRequiredService<TwilioVerifyEngine>()
            : provider.GetRequiredService<LocalOneTimeCodeEngine>());
        services.AddScoped<ICleanupTask, OneTimeCodeCleanup>();
    }
}
