using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>A subscription of a customer to plan items that share one currency and interval.</summary>
public sealed class BillingSubscriptionRecord : IBillingRow
{
    public long Key { get; set; }

    public required string Id { get; set; }

    public required string CustomerId { get; set; }

    /// <summary>trialing, active, past_due, unpaid, canceled, incomplete or incomplete_expired.</summary>
    public required string Status { get; set; }

    public required string Currency { get; set; }

    public required string Interval { get; set; }

    public int IntervalCount { get; set; }

    /// <summary>Periods are counted from here: period n ends at the anchor plus n intervals (day of month kept, clamped).</summary>
    public long BillingCycleAnchor { get; set; }

    /// <summary>How many intervals after the anchor the current period ends (0 while trialing).</summary>
    public int Cycle { get; set; }

    public long CurrentPeriodStart { get; set; }

    public long CurrentPeriodEnd { get; set; }

    public bool CancelAtPeriodEnd { get; set; }

    public long? CanceledAt { get; set; }

    public long? EndedAt { get; set; }

    public long? TrialStart { get; set; }

    public long? TrialEnd { get; set; }

    public long Created { get; set; }

    /// <summary>Stripe's `start`: the last change of the items.</summary>
    public long Start { get; set; }

    public string? LatestInvoiceId { get; set; }

    /// <summary>The default tax rate of its currency when it was created, if any.</summary>
    public string? TaxRateId { get; set; }
}

/// <summary>One plan and quantity of a subscription.</summary>
public sealed class BillingSubscriptionItemRecord
{
    public long Key { get; set; }

    public required string Id { get; set; }

    public required string SubscriptionId { get; set; }

    public required string PlanId { get; set; }

    public int Quantity { get; set; }

    public long Created { get; set; }
}

internal sealed class BillingSubscriptionConfiguration : IEntityTypeConfiguration<BillingSubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<BillingSubscriptionRecord> subscription)
    {
        subscription.ToTable("billing_subscriptions");
        subscription.HasKey(s => s.Key);
        subscription.Property(s => s.Id).HasMaxLength(64);
        subscription.HasIndex(s => s.Id).IsUnique();
        subscription.Property(s => s.CustomerId).HasMaxLength(64);
        subscription.Property(s => s.Status).HasMaxLength(32);
        subscription.Property(s => s.Currency).HasMaxLength(3);
        subscription.Property(s => s.Interval).HasMaxLength(8);
        subscription.Property(s => s.LatestInvoiceId).HasMaxLength(64);
        subscription.Property(s => s.TaxRateId).HasMaxLength(64);
        subscription.HasIndex(s => new { s.CustomerId, s.Key });
        subscription.HasIndex(s => new { s.Status, s.CurrentPeriodEnd });
        subscription.HasOne<BillingCustomerRecord>().WithMany().HasForeignKey(s => s.CustomerId);
    }
}

internal sealed class BillingSubscriptionItemConfiguration : IEntityTypeConfiguration<BillingSubscriptionItemRecord>
{
    public void Configure(EntityTypeBuilder<BillingSubscriptionItemRecord> item)
    {
        item.ToTable("billing_subscription_items");
        item.HasKey(i => i.Key);
        item.Property(i => i.Id).HasMaxLength(64);
        item.HasIndex(i => i.Id).IsUnique();
        item.Property(i => i.SubscriptionId).HasMaxLength(64);
        item.Property(i => i.PlanId).HasMaxLength(64);
        item.HasIndex(i => i.SubscriptionId);
        item.HasOne<BillingSubscriptionRecord>().WithMany().HasPrincipalKey(s => s.Id).HasForeignKey(i => i.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        item.HasOne<BillingPlanRecord>().WithMany().HasPrincipalKey(p => p.Id).HasForeignKey(i => i.PlanId);
    }
}
