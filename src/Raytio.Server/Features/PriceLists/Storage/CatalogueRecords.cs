namespace Raytio.Server.Features.PriceLists;

/// <summary>A product of an organisation's catalogue (operation 93), keyed by manufacturer and product id.</summary>
public sealed class CatalogueProduct
{
    public Guid OrganizationId { get; set; }

    public required string ManufacturerId { get; set; }

    public required string ProductId { get; set; }

    /// <summary>The reference's `type` of the billing object, as given (`PD` when left out).</summary>
    public required string Type { get; set; }

    /// <summary>The product's `metadata` object as given, kept as text so its key order survives.</summary>
    public required string MetadataJson { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A product's price in one price list and currency (operation 91), from a quantity on
/// (`qty`, 0 for every quantity). `CreditUnit` is the unit price in the currency's major units, exact.
/// </summary>
public sealed class CataloguePrice
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string PriceListId { get; set; }

    public required string ManufacturerId { get; set; }

    public required string ProductId { get; set; }

    public required string Currency { get; set; }

    public decimal MinQuantity { get; set; }

    public decimal CreditUnit { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>The price list an organisation's customer is quoted from (operation 95): one per customer.</summary>
public sealed class CustomerPriceList
{
    public Guid OrganizationId { get; set; }

    public required string CustomerId { get; set; }

    public required string PriceListId { get; set; }

    public DateTime UpdatedAt { get; set; }
}
