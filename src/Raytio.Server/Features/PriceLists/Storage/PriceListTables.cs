using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Raytio.Server.Data;
using Raytio.Server.Features.Organizations;

namespace Raytio.Server.Features.PriceLists;

/// <summary>Column sizes and exact decimal precision shared by the price-list tables.</summary>
internal static class PriceListColumns
{
    public const int IdLength = 100;
    public const int CurrencyLength = 3;
    public const int TypeLength = 16;

    /// <summary>Prices and quantities: up to 12 integer digits and 6 decimals (numeric(18,6); text on SQLite, which keeps them exact).</summary>
    public const int Precision = 18;
    public const int Scale = 6;

    /// <summary>A line's price: up to 22 integer digits, room for the largest price times the largest quantity.</summary>
    public const int LinePrecision = 28;
}

internal sealed class CatalogueProductConfiguration : IEntityTypeConfiguration<CatalogueProduct>
{
    public void Configure(EntityTypeBuilder<CatalogueProduct> product)
    {
        product.ToTable("price_list_products");
        product.HasKey(p => new { p.OrganizationId, p.ManufacturerId, p.ProductId });
        product.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        product.Property(p => p.ManufacturerId).HasMaxLength(PriceListColumns.IdLength);
        product.Property(p => p.ProductId).HasMaxLength(PriceListColumns.IdLength);
        product.Property(p => p.Type).HasMaxLength(PriceListColumns.TypeLength);
    }
}

internal sealed class CataloguePriceConfiguration : IEntityTypeConfiguration<CataloguePrice>
{
    public void Configure(EntityTypeBuilder<CataloguePrice> price)
    {
        price.ToTable("price_list_prices");
        price.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        price.Property(p => p.PriceListId).HasMaxLength(PriceListColumns.IdLength);
        price.Property(p => p.ManufacturerId).HasMaxLength(PriceListColumns.IdLength);
        price.Property(p => p.ProductId).HasMaxLength(PriceListColumns.IdLength);
        price.Property(p => p.Currency).HasMaxLength(PriceListColumns.CurrencyLength);
        price.Property(p => p.MinQuantity).HasPrecision(PriceListColumns.Precision, PriceListColumns.Scale);
        price.Property(p => p.CreditUnit).HasPrecision(PriceListColumns.Precision, PriceListColumns.Scale);
        price.HasIndex(p => new { p.OrganizationId, p.PriceListId, p.ManufacturerId, p.ProductId, p.Currency, p.MinQuantity }).IsUnique();
        // Quotes look prices up by product.
        price.HasIndex(p => new { p.OrganizationId, p.ProductId });
    }
}

internal sealed class CustomerPriceListConfiguration : IEntityTypeConfiguration<CustomerPriceList>
{
    public void Configure(EntityTypeBuilder<CustomerPriceList> link)
    {
        link.ToTable("customer_price_lists");
        link.HasKey(l => new { l.OrganizationId, l.CustomerId });
        link.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        link.Property(l => l.CustomerId).HasMaxLength(PriceListColumns.IdLength);
        link.Property(l => l.PriceListId).HasMaxLength(PriceListColumns.IdLength);
    }
}

internal sealed class PriceQuoteConfiguration : IEntityTypeConfiguration<PriceQuote>
{
    public void Configure(EntityTypeBuilder<PriceQuote> quote)
    {
        quote.ToTable("price_quotes");
        quote.Property(q => q.CustomerId).HasMaxLength(PriceListColumns.IdLength);
        quote.HasOne<Organization>().WithMany().HasForeignKey(q => q.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriceQuoteLineConfiguration : IEntityTypeConfiguration<PriceQuoteLine>
{
    public void Configure(EntityTypeBuilder<PriceQuoteLine> line)
    {
        line.ToTable("price_quote_lines");
        line.HasOne<PriceQuote>().WithMany().HasForeignKey(l => l.QuoteId).OnDelete(DeleteBehavior.Cascade);
        line.HasIndex(l => new { l.QuoteId, l.Position }).IsUnique();
        line.Property(l => l.PriceListId).HasMaxLength(PriceListColumns.IdLength);
        line.Property(l => l.ManufacturerId).HasMaxLength(PriceListColumns.IdLength);
        line.Property(l => l.ProductId).HasMaxLength(PriceListColumns.IdLength);
        line.Property(l => l.Currency).HasMaxLength(PriceListColumns.CurrencyLength);
        line.Property(l => l.Quantity).HasPrecision(PriceListColumns.Precision, PriceListColumns.Scale);
        line.Property(l => l.UnitPrice).HasPrecision(PriceListColumns.Precision, PriceListColumns.Scale);
        line.Property(l => l.LinePrice).HasPrecision(PriceListColumns.LinePrecision, PriceListColumns.Scale);
    }
}

/// <summary>The price-list tables, as properties of the shared context.</summary>
public static class PriceListTables
{
    extension(RaytioDbContext db)
    {
        public DbSet<CatalogueProduct> CatalogueProducts => db.Set<CatalogueProduct>();

        public DbSet<CataloguePrice> CataloguePrices => db.Set<CataloguePrice>();

        public DbSet<CustomerPriceList> CustomerPriceLists => db.Set<CustomerPriceList>();

        public DbSet<PriceQuote> PriceQuotes => db.Set<PriceQuote>();

        public DbSet<PriceQuoteLine> PriceQuoteLines => db.Set<PriceQuoteLine>();
    }
}
