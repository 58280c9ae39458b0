using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Providers.Twilio.Storage;

/// <summary>One code sent (Local engine): a verification's `send_code_attempts`, and the count the per-destination send limit reads.</summary>
public sealed class CodeSend
{
    public Guid Id { get; set; }

    public Guid VerificationId { get; set; }

    public required string DestinationHash { get; set; }

    public CodeChannel Channel { get; set; }

    public DateTime SentAt { get; set; }
}

internal sealed class CodeSendConfiguration : IEntityTypeConfiguration<CodeSend>
{
    public void Configure(EntityTypeBuilder<CodeSend> send)
    {
        send.ToTable("otp_sends");
        send.Property(s => s.DestinationHash).HasMaxLength(64);
        send.Property(s => s.Channel).HasConversion<string>().HasMaxLength(8);
        send.HasIndex(s => new { s.DestinationHash, s.SentAt });
        send.HasIndex(s => s.VerificationId);
        send.HasOne<CodeVerification>().WithMany().HasForeignKey(s => s.VerificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
