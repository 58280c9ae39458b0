using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Raytio.Server.Providers.Email;

/// <summary>The live sender: the SMTP server named by Raytio:Email:SmtpHost (MailKit).</summary>
internal sealed partial class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.SecurityMode, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUsername))
        {
            await client.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(logger, message.Subject);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email '{Subject}' sent by SMTP")]
    private static partial void LogSent(ILogger logger, string subject);
}
