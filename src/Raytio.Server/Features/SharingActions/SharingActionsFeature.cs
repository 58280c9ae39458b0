using Microsoft.Extensions.Options;
using Raytio.Server.Features.Sharing;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.SharingActions;

/// <summary>The action outbox's delivery: email and signed webhooks, retried with backoff by a background worker.</summary>
public sealed class SharingActionsFeature : IFeatureModule
{
    public static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(10);

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<EmailAction>();
        services.AddScoped<WebhookAction>();
        services.AddSingleton<ActionDelivery>();
        services.AddHostedService<ActionWorker>();
        services.AddHttpClient(WebhookAction.ClientName, client => client.Timeout = WebhookTimeout)
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookAction.Handler(provider.GetRequiredService<IOptions<SharingOptions>>()));
    }
}
