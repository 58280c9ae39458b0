using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Providers.Email;

/// <summary>
/// The sandbox sender, used when no SMTP server is configured: each message is kept in the
/// database (read it with the `mailbox` command) for <see cref="Retention"/>. The log says a
/// message was written, never its body, because bodies carry codes.
/// </summary>
internal sealed partial class DevelopmentMailbox(RaytioDbContext db, TimeProvider time, ILogger<DevelopmentMailbox> logger) : IEmailSender
{
    /// <summary>The lifetime of the codes the messages carry (OneTimeCodes.Lifetime); older bodies are not shown, and the cleanup deletes them.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public const string ExpiredBody = "(body removed: older than 24 hours, the codes in it have expired)";

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Write(db, message, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        LogWritten(logger, message.Subject);
    }

    /// <summary>Adds <paramref name="message"/> to the mailbox in the caller's unit of work (saved with its changes).</summary>
    public static void Write(RaytioDbContext db, EmailMessage message, DateTime at) =>
        db.MailboxMessages.Add(new MailboxMessage { Id = Guid.NewGuid(), To = message.To, Subject = message.Subject, Body = message.Body, CreatedAt = at });

    /// <summary>The newest messages, to one address or all; bodies past <see cref="Retention"/> are redacted.</summary>
    public async Task<IReadOnlyList<MailboxMessage>> ReadAsync(string? to, int count, CancellationToken cancellationToken)
    {
        var expiredBefore = time.GetUtcNow().UtcDateTime - Retention;
        var messages = await db.MailboxMessages.AsNoTracking()
            .Where(m => to == null || m.To == to)
            .OrderByDescending(m => m.CreatedAt)
            .Take(count)
            .ToListAsync(cancellationToken);
        foreach (var expired in messages.Where(m => m.CreatedAt <= expiredBefore))
        {
            expired.Body = ExpiredBody;
        }
        return messages;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email '{Subject}' written to the development mailbox; read it with the 'mailbox' command")]
    private static partial void LogWritten(ILogger logger, string subject);
}
