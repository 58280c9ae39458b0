using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>A finalized invoice: its totals are the sums of its lines, fixed when it was made.</summary>
public sealed class BillingInvoiceRecord : IBillingRow
{
    public long Key { get; set; }

    public required string Id { get; set; }

    public required string CustomerId { get; set; }

    public string? SubscriptionId { get; set; }

    /// <summary>The customer's prefix and a running number (`ABCD1234-0001`).</summary>
    public required string Number { get; set; }

    /// <summary>open, paid or void.</summary>
    public required string Status { get; set; }

    /// <summary>subscription_create, subscription_cycle or subscription_update.</summary>
    public required string BillingReason { get; set; }

    public required string Currency { get; set; }

    /// <summary>Sum of the lines' amounts.</summary>
    public long Subtotal { get; set; }

    /// <summary>Sum of the lines' tax amounts.</summary>
    public long Tax { get; set; }

    public long Total { get; set; }

    /// <summary>The customer's balance before (negative: credit) ...</summary>
    public long StartingBalance { get; set; }

    /// <summary>... and after this invoice, when its credit exceeded the total.</summary>
    public long EndingBalance { get; set; }

    public long AmountDue { get; set; }

    public long AmountPaid { get; set; }

    public int AttemptCount { get; set; }

    public long? NextPaymentAttempt { get; set; }

    public string? ChargeId { get; set; }

    public string? PaymentMethodId { get; set; }

    public string? TaxRateId { get; set; }

    public long PeriodStart { get; set; }

    public long PeriodEnd { get; set; }

    public long Created { get; set; }

    public long? PaidAt { get; set; }

    public long? VoidedAt { get; set; }
}

/// <summary>
/// An amount billed to a customer: a plan's charge for a period, a proration or a metered check
/// (no plan). A proration waits (no <see cref="InvoiceId"/>) until the subscription's next
/// invoice takes it.
/// </summary>
public sealed class BillingInvoiceLineRecord
{
    public long Key { get; set; }

    /// <summary>`il_` for a subscription line, `ii_` for an invoice item (proration, metered check).</summary>
    public required string Id { get; set; }

    public required string CustomerId { get; set; }

    public string? InvoiceId { get; set; }

    public required string SubscriptionId { get; set; }

    public string? SubscriptionItemId { get; set; }

    /// <summary>Null for a metered check billed to the invoice.</summary>
    public string? PlanId { get; set; }

    public int Quantity { get; set; }

    public long Amount { get; set; }

    public long TaxAmount { get; set; }

    public required string Currency { get; set; }

    public required string Description { get; set; }

    public bool Proration { get; set; }

    public long PeriodStart { get; set; }

    public long PeriodEnd { get; set; }

    public long Created { get; set; }
}

internal sealed class BillingInvoiceConfiguration : IEntityTypeConfiguration<BillingInvoiceRecord>
{
    public void Configure(EntityTypeBuilder<BillingInvoiceRecord> invoice)
    {
        invoice.ToTable("billing_invoices");
        invoice.HasKey(i => i.Key);
        invoice.Property(i => i.Id).HasMaxLength(64);
        invoice.HasIndex(i => i.Id).IsUnique();
        invoice.Property(i => i.CustomerId).HasMaxLength(64);
        invoice.Property(i => i.SubscriptionId).HasMaxLength(64);
        invoice.Property(i => i.Number).HasMaxLength(32);
        invoice.HasIndex(i => i.Number).IsUnique();
        invoice.Property(i => i.Status).HasMaxLength(16);
        invoice.Property(i => i.BillingReason).HasMaxLength(32);
        invoice.Property(i => i.Currency).HasMaxLength(3);
        invoice.Property(i => i.ChargeId).HasMaxLength(64);
        invoice.Property(i => i.PaymentMethodId).HasMaxLength(64);
        invoice.Property(i => i.TaxRateId).HasMaxLength(64);
        invoice.HasIndex(i => new { i.CustomerId, i.Key });
        invoice.HasIndex(i => new { i.Status, i.NextPaymentAttempt });
        invoice.HasOne<BillingCustomerRecord>().WithMany().HasForeignKey(i => i.CustomerId);
    }
}

internal sealed class BillingInvoiceLineConfiguration : IEntityTypeConfiguration<BillingInvoiceLineRecord>
{
    public void Configure(EntityTypeBuilder<BillingInvoiceLineRecord> line)
    {
        line.ToTable("billing_invoice_lines");
        line.HasKey(l => l.Key);
        line.Property(l => l.Id).HasMaxLength(64);
        line.HasIndex(l => l.Id).IsUnique();
        line.Property(l => l.CustomerId).HasMaxLength(64);
        line.Property(l => l.InvoiceId).HasMaxLength(64);
        line.Property(l => l.SubscriptionId).HasMaxLength(64);
        line.Property(l => l.SubscriptionItemId).HasMaxLength(64);
        line.Property(l => l.PlanId).HasMaxLength(64);
        line.Property(l => l.Currency).HasMaxLength(3);
        line.Property(l => l.Description).HasMaxLength(300);
        line.HasIndex(l => new { l.InvoiceId, l.Key });
        line.HasIndex(l => new { l.SubscriptionId, l.InvoiceId });
    }
}
