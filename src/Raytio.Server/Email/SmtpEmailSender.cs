using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Raytio.Server.Hosting;

namespace Raytio.Server.Email;

/// <summary>Sends through the SMTP server named by Raytio:Email:SmtpHost (MailKit).</summary>
internal sealed partial class SmtpEmailSender(IOptions<RaytioOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value.Email;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, ParseSecurity(settings.SmtpSecurity), cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUsername))
        {
            await client.AuthenticateAsync(settings.SmtpUsername, settings.SmtpPassword ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(logger, message.Subject);
    }

    private static SecureSocketOptions ParseSecurity(string value) => value.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        _ => throw new InvalidOperationException($"Raytio:Email:SmtpSecurity '{value}' is not one of None, StartTls, SslOnConnect, Auto."),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Email '{Subject}' sent by SMTP")]
    private static partial void LogSent(ILogger logger, string subject);
}
