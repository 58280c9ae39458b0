using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
