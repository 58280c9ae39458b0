using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Billing;

/// <summary>A customer of the embedded billing engine: one per organisation.</summary>
public sealed class BillingCustomerRecord
{
    /// <summary>`cus_` and 14 random base-62 characters, as Stripe's ids look.</summary>
    public required string Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public bool Delinquent { get; set; }

    /// <summary>`invoice_settings.default_payment_method`: a payment method attached to this customer, or none.</summary>
    public string? DefaultPaymentMethod { get; set; }

    /// <summary>Minor units the customer owes (positive) or is owed (negative: credit left by an invoice whose prorations exceeded its charges); the next invoice applies it.</summary>
    public long Balance { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class BillingCustomerConfiguration : IEntityTypeConfiguration<BillingCustomerRecord>
{
    public void Configure(EntityTypeBuilder<BillingCustomerRecord> customer)
    {
        customer.ToTable("billing_customers");
        customer.Property(c => c.Id).HasMaxLength(64);
        customer.Property(c => c.Name).HasMaxLength(200);
        customer.Property(c => c.Email).HasMaxLength(320);
        customer.Property(c => c.DefaultPaymentMethod).HasMaxLength(64);
        customer.HasIndex(c => c.OrganizationId).IsUnique();
    }
}

/// <summary>The billing tables, as properties of the shared context.</summary>
public static class BillingTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<BillingCustomerRecord> BillingCustomers => db.Set<BillingCustomerRecord>();
    }
}
