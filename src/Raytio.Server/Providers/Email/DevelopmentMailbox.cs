using Raytio.Server.Data;

namespace Raytio.Server.Providers.Email;

/// <summary>
/// The sandbox sender, used when no SMTP server is configured: each message is kept in the
/// database (read it with the `mailbox` command). The log says a message was written, never its
/// body, because bodies carry codes.
/// </summary>
internal sealed partial class DevelopmentMailbox(RaytioDbContext db, TimeProvider time, ILogger<DevelopmentMailbox> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        db.Set<MailboxMessage>().Add(new MailboxMessage
        {
            Id = Guid.NewGuid(),
            To = message.To,
            Subject = message.Subject,
            Body = message.Body,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        LogWritten(logger, message.Subject);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email '{Subject}' written to the development mailbox; read it with the 'mailbox' command")]
    private static partial void LogWritten(ILogger logger, string subject);
}
