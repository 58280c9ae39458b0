using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>A product of the embedded catalogue: what plans sell (the platform, verification credits).</summary>
public sealed class BillingProductRecord
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Unix seconds, as every time of the billing engine.</summary>
    public long Created { get; set; }
}

/// <summary>A plan (a price of a product): a fixed amount in minor units per interval and unit.</summary>
public sealed class BillingPlanRecord : IBillingRow
{
    /// <summary>Order of the catalogue (lists are newest first).</summary>
    public long Key { get; set; }

    public required string Id { get; set; }

    public required string ProductId { get; set; }

    public required string Nickname { get; set; }

    /// <summary>Minor units of <see cref="Currency"/> per unit and interval.</summary>
    public long Amount { get; set; }

    /// <summary>ISO 4217, lower case.</summary>
    public required string Currency { get; set; }

    /// <summary>day, week, month or year.</summary>
    public required string Interval { get; set; }

    public int IntervalCount { get; set; }

    public bool Active { get; set; }

    public int? TrialPeriodDays { get; set; }

    public long Created { get; set; }
}

/// <summary>A tax rate; the one marked default for a currency applies to new subscriptions in it.</summary>
public sealed class BillingTaxRateRecord
{
    public required string Id { get; set; }

    public required string DisplayName { get; set; }

    public string? Description { get; set; }

    public string? Jurisdiction { get; set; }

    public decimal Percentage { get; set; }

    /// <summary>False (exclusive): the tax is added on top of each line; true: it is the part of each line's amount that is tax.</summary>
    public bool Inclusive { get; set; }

    public bool Active { get; set; }

    public string? DefaultForCurrency { get; set; }

    public long Created { get; set; }
}

internal sealed class BillingProductConfiguration : IEntityTypeConfiguration<BillingProductRecord>
{
    public void Configure(EntityTypeBuilder<BillingProductRecord> product)
    {
        product.ToTable("billing_products");
        product.Property(p => p.Id).HasMaxLength(64);
        product.Property(p => p.Name).HasMaxLength(200);
        product.HasData(EmbeddedCatalogue.Products);
    }
}

internal sealed class BillingPlanConfiguration : IEntityTypeConfiguration<BillingPlanRecord>
{
    public void Configure(EntityTypeBuilder<BillingPlanRecord> plan)
    {
        plan.ToTable("billing_plans");
        plan.HasKey(p => p.Key);
        plan.Property(p => p.Key).ValueGeneratedNever();
        plan.Property(p => p.Id).HasMaxLength(64);
        plan.HasIndex(p => p.Id).IsUnique();
        plan.Property(p => p.ProductId).HasMaxLength(64);
        plan.Property(p => p.Nickname).HasMaxLength(200);
        plan.Property(p => p.Currency).HasMaxLength(3);
        plan.Property(p => p.Interval).HasMaxLength(8);
        plan.HasOne<BillingProductRecord>().WithMany().HasForeignKey(p => p.ProductId);
        plan.HasData(EmbeddedCatalogue.Plans);
    }
}

internal sealed class BillingTaxRateConfiguration : IEntityTypeConfiguration<BillingTaxRateRecord>
{
    public void Configure(EntityTypeBuilder<BillingTaxRateRecord> rate)
    {
        rate.ToTable("billing_tax_rates");
        rate.Property(r => r.Id).HasMaxLength(64);
        rate.Property(r => r.DisplayName).HasMaxLength(100);
        rate.Property(r => r.Description).HasMaxLength(200);
        rate.Property(r => r.Jurisdiction).HasMaxLength(100);
        rate.Property(r => r.Percentage).HasPrecision(7, 4);
        rate.Property(r => r.DefaultForCurrency).HasMaxLength(3);
        rate.HasIndex(r => r.DefaultForCurrency).IsUnique();
        rate.HasData(EmbeddedCatalogue.TaxRates);
    }
}
