using Raytio.Server.Data;

namespace Raytio.Server.Providers.Email;

/// <summary>
/// How areas send email: the message joins the caller's unit of work and goes out after the
/// caller's SaveChanges commits, from <see cref="EmailDispatcher"/>. A request therefore never
/// waits for a mail server, and its timing does not tell whether an email was sent.
/// </summary>
public sealed class EmailOutbox(RaytioDbContext db, TimeProvider time)
{
    public void Enqueue(EmailMessage message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            Id = Guid.NewGuid(),
            To = message.To,
            Subject = message.Subject,
            Body = message.Body,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}
