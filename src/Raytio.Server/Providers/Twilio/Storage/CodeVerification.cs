using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Providers.Twilio.Storage;

/// <summary>
/// A verification (operations 110, 111): whose it is, its destination as a keyed hash only, and
/// with the Local engine the code as a keyed hash and the checks made. With the Live engine
/// Twilio keeps the code and counts the checks; the row keeps who may check the verification.
/// </summary>
public sealed class CodeVerification
{
    public Guid Id { get; set; }

    /// <summary>Twilio-style `VE` SID (the Live engine stores Twilio's own).</summary>
    public required string Sid { get; set; }

    /// <summary>The user who started it.</summary>
    public Guid StartedBy { get; set; }

    /// <summary>The organisation it was started for (`org_id`); its members may check it. Null: only <see cref="StartedBy"/> may.</summary>
    public Guid? OrganizationId { get; set; }

    public required string DestinationHash { get; set; }

    public CodeChannel Channel { get; set; }

    public required string Status { get; set; }

    /// <summary>HMAC of the latest code sent (Local engine); null with the Live engine.</summary>
    public string? CodeHash { get; set; }

    /// <summary>Codes checked so far (Local engine); never more than the limit, by a conditional update.</summary>
    public int Checks { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Ten minutes after <see cref="CreatedAt"/>: a resend gives a new code, not more time.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>A new pending verification of <paramref name="start"/> under <paramref name="sid"/>, expiring after the code lifetime.</summary>
    public static CodeVerification Pending(VerificationStart start, string sid, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Sid = sid,
        StartedBy = start.Owner.UserId,
        OrganizationId = start.Owner.OrganizationId,
        DestinationHash = start.To.Hash,
        Status = VerificationStatus.Pending,
        CreatedAt = now,
        ExpiresAt = now + OneTimeCodeRules.Lifetime,
    };
}

internal sealed class CodeVerificationConfiguration : IEntityTypeConfiguration<CodeVerification>
{
    public void Configure(EntityTypeBuilder<CodeVerification> verification)
    {
        verification.ToTable("otp_verifications");
        verification.Property(v => v.Sid).HasMaxLength(TwilioSids.Length);
        verification.Property(v => v.DestinationHash).HasMaxLength(64);
        verification.Property(v => v.CodeHash).HasMaxLength(64);
        verification.Property(v => v.Status).HasMaxLength(16);
        verification.Property(v => v.Channel).HasConversion<string>().HasMaxLength(8);
        verification.HasIndex(v => new { v.DestinationHash, v.Status });
        verification.HasIndex(v => v.ExpiresAt);
    }
}
