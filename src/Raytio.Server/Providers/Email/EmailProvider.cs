using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Providers.Email;

/// <summary>
/// Email: areas enqueue with <see cref="EmailOutbox"/>; <see cref="EmailDispatcher"/> sends by
/// SMTP when Raytio:Email:SmtpHost is set (live), otherwise into the development mailbox (sandbox).
/// </summary>
public sealed class EmailProvider : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<EmailOptions>(EmailOptions.Section);
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<EmailDispatcher>());
        services.AddSingleton<IInterceptor, OutgoingEmailCommitted>();
        services.AddScoped<DevelopmentMailbox>();
        services.AddScoped<ICleanupTask, MailboxCleanup>();
        services.AddScoped<SmtpEmailSender>();
        services.AddScoped<IEmailSender>(provider => provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? provider.GetRequiredService<SmtpEmailSender>()
            : provider.GetRequiredService<DevelopmentMailbox>());
    }
}
