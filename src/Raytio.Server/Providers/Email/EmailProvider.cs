using Microsoft.Extensions.Options;
using Raytio.Server.Hosting;

namespace Raytio.Server.Providers.Email;

/// <summary>Email: SMTP when Raytio:Email:SmtpHost is set, otherwise the development mailbox.</summary>
public sealed class EmailProvider : IFeatureModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddSettings<EmailOptions>(EmailOptions.Section);
        services.AddScoped<DevelopmentMailbox>();
        services.AddScoped<ICleanupTask, MailboxCleanup>();
        services.AddScoped<SmtpEmailSender>();
        services.AddScoped<IEmailSender>(provider => provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
            ? provider.GetRequiredService<SmtpEmailSender>()
            : provider.GetRequiredService<DevelopmentMailbox>());
    }
}
