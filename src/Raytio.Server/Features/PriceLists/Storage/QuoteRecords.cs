namespace Raytio.Server.Features.PriceLists;

/// <summary>A quote as given (operation 97): what was priced, for whom and when.</summary>
public sealed class PriceQuote
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The customer whose price list was asked for, if any.</summary>
    public string? CustomerId { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>One priced line of a quote, with the prices it was given at.</summary>
public sealed class PriceQuoteLine
{
    public Guid Id { get; set; }

    public Guid QuoteId { get; set; }

    /// <summary>The line's position in the request, from 0.</summary>
    public int Position { get; set; }

    public required string PriceListId { get; set; }

    public required string ManufacturerId { get; set; }

    public required string ProductId { get; set; }

    public required string Currency { get; set; }

    public decimal Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal LinePrice { get; set; }
}
