using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;

namespace Raytio.Server.Providers.Email;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change it tells about
/// (so it is never lost nor sent for a change that rolled back) and sent in the background.
/// </summary>
public sealed class OutgoingEmail
{
    public Guid Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this time: the first try, or the next one after a failure.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A replica that took the email for sending holds it until then.</summary>
    public DateTime? ClaimedUntil { get; set; }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> email)
    {
        email.ToTable("outgoing_emails");
        email.HasIndex(e => e.NextAttemptAt);
    }
}

/// <summary>The email tables, as properties of the shared context.</summary>
public static class EmailTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<OutgoingEmail> OutgoingEmails => db.Set<OutgoingEmail>();

        public DbSet<MailboxMessage> MailboxMessages => db.Set<MailboxMessage>();
    }
}
