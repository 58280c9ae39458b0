using Raytio.Server.Data;

namespace Raytio.Server.Email;

/// <summary>
/// The default when no SMTP server is configured: each message is stored in the database
/// (read it with the `outbox` command). The log says a message was written, never its body,
/// because bodies carry codes.
/// </summary>
internal sealed partial class OutboxEmailSender(RaytioDbContext db, TimeProvider time, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        db.OutboxMessages.Add(new OutboxMessage
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Email '{Subject}' written to the outbox; read it with the 'outbox' command")]
    private static partial void LogWritten(ILogger logger, string subject);
}
