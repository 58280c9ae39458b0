using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.PriceLists;

namespace Raytio.Server.Features.Billing.Metering;

/// <summary>A check's price in credits and the list it came from (null when no list prices it).</summary>
public sealed record MeterPrice(decimal Credits, string? PriceListId);

/// <summary>
/// Prices a check for an organisation from the catalogue organisation's price lists, as a quote
/// of one unit would: the organisation's customer price list (operation 95, customer_id = its
/// org_id) when it prices the check, else the default list. `credit_unit` is the price in credits,
/// exact. A check no list prices costs nothing (and is logged: the catalogue lacks it).
/// </summary>
public sealed class MeterPrices(RaytioDbContext db, ILogger<MeterPrices> logger)
{
    public async Task<MeterPrice> PriceAsync(MeteringOptions options, Guid catalogue, Guid organizationId, string check, CancellationToken cancellationToken)
    {
        var customer = organizationId.ToString();
        var customerList = await db.CustomerPriceLists.AsNoTracking()
            .Where(l => l.OrganizationId == catalogue && l.CustomerId == customer)
            .Select(l => l.PriceListId)
            .FirstOrDefaultAsync(cancellationToken);
        var lists = customerList is null ? [options.DefaultPriceListId] : new[] { customerList, options.DefaultPriceListId };
        var currency = options.Currency.ToUpperInvariant();
        var candidates = await db.CataloguePrices.AsNoTracking()
            .Where(p => p.OrganizationId == catalogue && p.ProductId == check && p.ManufacturerId == options.ManufacturerId
                && p.Currency == currency && lists.Contains(p.PriceListId))
            .ToListAsync(cancellationToken);
        // Quantity breaks are compared here (SQLite keeps decimals as text): one check is a quantity of 1.
        foreach (var list in lists)
        {
            if (candidates.Where(p => p.PriceListId == list && p.MinQuantity <= 1m).MaxBy(p => p.MinQuantity) is { } price)
            {
                return new MeterPrice(price.CreditUnit, list);
            }
        }
        logger.LogWarning("No price list of the catalogue organisation {Catalogue} prices the metered check {Check} in {Currency}: it is not charged.", catalogue, check, currency);
        return new MeterPrice(0m, null);
    }
}
