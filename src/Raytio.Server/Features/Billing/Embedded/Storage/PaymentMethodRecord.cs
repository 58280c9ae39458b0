using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// A card made from one of Stripe's documented test payment methods when it was attached. Only
/// what Stripe shows of a card is kept (brand, last4, expiry, funding, country): never a number.
/// </summary>
public sealed class BillingPaymentMethodRecord : IBillingRow
{
    public long Key { get; set; }

    public required string Id { get; set; }

    /// <summary>The customer it is attached to; null once detached (a detached card cannot be attached again).</summary>
    public string? CustomerId { get; set; }

    /// <summary>The test payment method it was made from (`pm_card_visa`), which decides how charges go.</summary>
    public required string TestToken { get; set; }

    public required string Brand { get; set; }

    public required string Last4 { get; set; }

    public int ExpMonth { get; set; }

    public int ExpYear { get; set; }

    public required string Funding { get; set; }

    public required string Country { get; set; }

    public long Created { get; set; }
}

internal sealed class BillingPaymentMethodConfiguration : IEntityTypeConfiguration<BillingPaymentMethodRecord>
{
    public void Configure(EntityTypeBuilder<BillingPaymentMethodRecord> method)
    {
        method.ToTable("billing_payment_methods");
        method.HasKey(m => m.Key);
        method.Property(m => m.Id).HasMaxLength(64);
        method.HasIndex(m => m.Id).IsUnique();
        method.Property(m => m.CustomerId).HasMaxLength(64);
        method.Property(m => m.TestToken).HasMaxLength(64);
        method.Property(m => m.Brand).HasMaxLength(32);
        method.Property(m => m.Last4).HasMaxLength(4);
        method.Property(m => m.Funding).HasMaxLength(16);
        method.Property(m => m.Country).HasMaxLength(2);
        method.HasIndex(m => new { m.CustomerId, m.Key });
    }
}
