using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.SharingActions;

/// <summary>
/// One delivery an instance's state change owes (the outbox): written in the transaction of the
/// change, delivered by a background worker with retries, leased so two replicas never deliver
/// it at the same time.
/// </summary>
public sealed class ShareAction
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public Guid ApplicationId { get; set; }

    public required string FromState { get; set; }

    public required string ToState { get; set; }

    /// <summary>`email` or `webhook`.</summary>
    public required string Method { get; set; }

    /// <summary>An email address or an https URL.</summary>
    public required string Destination { get; set; }

    public string? Template { get; set; }

    /// <summary>The event as delivered (JSON text): a webhook's body, an email's placeholders.</summary>
    public required string BodyJson { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? LeasedUntil { get; set; }

    public string? LeasedBy { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>Set when the worker gives up (after the last retry).</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class ShareActionConfiguration : IEntityTypeConfiguration<ShareAction>
{
    public void Configure(EntityTypeBuilder<ShareAction> action)
    {
        action.ToTable("share_actions");
        action.Property(a => a.FromState).HasMaxLength(100);
        action.Property(a => a.ToState).HasMaxLength(100);
        action.Property(a => a.Method).HasMaxLength(16);
        action.Property(a => a.Destination).HasMaxLength(2048);
        action.Property(a => a.Template).HasMaxLength(10000);
        action.Property(a => a.BodyJson).HasColumnName("body");
        action.Property(a => a.LeasedBy).HasMaxLength(100);
        action.Property(a => a.LastError).HasMaxLength(1000);
        // The worker's claim: due, undelivered, not given up.
        action.HasIndex(a => new { a.DeliveredAt, a.FailedAt, a.NextAttemptAt });
        action.HasIndex(a => a.InstanceId);
    }
}
