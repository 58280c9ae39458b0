namespace Raytio.Server.Providers.Email;

public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Sends one email: the development mailbox (sandbox) or SMTP (live).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
