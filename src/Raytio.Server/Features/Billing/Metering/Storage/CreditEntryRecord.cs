using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Billing.Metering;

/// <summary>
/// One movement of an organisation's credits: a grant (a paid invoice's credit bundles) or a
/// metered check, paid from the credit balance or billed to the next invoice. Credits are counted
/// in millionths (a price list's `credit_unit` has six decimals), so sums are exact integers on
/// both engines.
/// </summary>
public sealed class CreditEntryRecord
{
    public const string Grant = "grant";
    public const string FromBalance = "balance";
    public const string Billed = "invoice";

    public long Key { get; set; }

    /// <summary>`mtr_` and random characters: the charge id a metered operation refunds with.</summary>
    public required string Id { get; set; }

    public required string CustomerId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary><see cref="Grant"/>, <see cref="FromBalance"/> or <see cref="Billed"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The check's name (<see cref="MeteredChecks"/>); null for a grant.</summary>
    public string? Check { get; set; }

    /// <summary>A check's reference, unique per customer (a retried charge answers the first); a grant's invoice id.</summary>
    public required string Reference { get; set; }

    /// <summary>Credits granted or the check's price, in millionths of a credit (never negative).</summary>
    public long Microcredits { get; set; }

    /// <summary>The price list that priced the check (null when no list has a price for it, or for a grant).</summary>
    public string? PriceListId { get; set; }

    /// <summary>ISO 4217, lower case: the currency of a billed check's amount or of a grant's invoice.</summary>
    public required string Currency { get; set; }

    /// <summary>A billed check's amount in minor units.</summary>
    public long Amount { get; set; }

    /// <summary>A grant's invoice, or the invoice that took a billed check.</summary>
    public string? InvoiceId { get; set; }

    public string? InvoiceLineId { get; set; }

    public long Created { get; set; }

    /// <summary>When the metered operation gave the charge back (its provider failed); a refunded check counts no more.</summary>
    public long? RefundedAt { get; set; }
}

internal sealed class CreditEntryConfiguration : IEntityTypeConfiguration<CreditEntryRecord>
{
    public void Configure(EntityTypeBuilder<CreditEntryRecord> entry)
    {
        entry.ToTable("billing_credit_entries");
        entry.HasKey(e => e.Key);
        entry.Property(e => e.Id).HasMaxLength(64);
        entry.HasIndex(e => e.Id).IsUnique();
        entry.Property(e => e.CustomerId).HasMaxLength(64);
        entry.Property(e => e.Kind).HasMaxLength(16);
        entry.Property(e => e.Check).HasMaxLength(64);
        entry.Property(e => e.Reference).HasMaxLength(CreditMeter.MaxReferenceLength);
        entry.Property(e => e.PriceListId).HasMaxLength(100);
        entry.Property(e => e.Currency).HasMaxLength(3);
        entry.Property(e => e.InvoiceId).HasMaxLength(64);
        entry.Property(e => e.InvoiceLineId).HasMaxLength(64);
        entry.HasIndex(e => new { e.CustomerId, e.Reference }).IsUnique();
        // Billed checks waiting for an invoice, and the balance's sum.
        entry.HasIndex(e => new { e.CustomerId, e.Kind, e.InvoiceId });
        entry.HasOne<BillingCustomerRecord>().WithMany().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The metering table, as a property of the shared context.</summary>
public static class MeteringTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<CreditEntryRecord> BillingCreditEntries => db.Set<CreditEntryRecord>();
    }
}
