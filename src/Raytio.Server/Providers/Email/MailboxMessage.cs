using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;

namespace Raytio.Server.Providers.Email;

/// <summary>An email kept in the development mailbox instead of being sent (no SMTP configured).</summary>
public sealed class MailboxMessage
{
    public Guid Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class MailboxMessageConfiguration : IEntityTypeConfiguration<MailboxMessage>
{
    public void Configure(EntityTypeBuilder<MailboxMessage> message)
    {
        message.ToTable("mailbox_messages");
        message.HasIndex(m => new { m.To, m.CreatedAt });
        message.HasIndex(m => m.CreatedAt);
    }
}

/// <summary>The development mailbox table, as a property of the shared context.</summary>
public static class MailboxTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<MailboxMessage> MailboxMessages => db.Set<MailboxMessage>();
    }
}
