using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;

namespace Raytio.Server.Features.PriceLists;

/// <summary>A price row of operation 91, read.</summary>
public sealed record PriceRow(string PriceListId, string ManufacturerId, string ProductId, string Currency, decimal MinQuantity, decimal CreditUnit);

/// <summary>
/// Operation 91's rows: a product's price in a price list and currency, from a quantity on
/// (`qty`, default 0). The product must be one of the organisation's (operation 93). A stored
/// price with the same key gets the new `credit_unit`.
/// </summary>
public sealed class PriceRows : IPriceListRowKind<PriceRow>
{
    public string AuditEvent => AuditEventTypes.PriceListPricesInsert;

    public string KeyField => "id";

    public PriceRow Read(PriceListRow row) => new(
        row.Text("price_list_id", required: true)!,
        row.ManufacturerId(),
        row.Text("id", required: true)!,
        row.Currency(),
        row.Amount("qty", required: false, positive: false, ExactDecimals.QuantityLimit) ?? 0m,
        row.Amount("credit_unit", required: true, positive: false, ExactDecimals.PriceLimit)!.Value);

    public object KeyOf(Guid organizationId, PriceRow row) =>
        (organizationId, row.PriceListId, row.ManufacturerId, row.ProductId, row.Currency, row.MinQuantity);

    public async Task StoreAsync(RaytioDbContext db, IReadOnlyList<AcceptedRow<PriceRow>> rows, DateTime now, Action<int, RowRejected> reject, CancellationToken cancellationToken)
    {
        var organizations = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var productIds = rows.Select(r => r.Row.ProductId).Distinct().ToList();
        var products = (await db.CatalogueProducts
                .Where(p => organizations.Contains(p.OrganizationId) && productIds.Contains(p.ProductId))
                .Select(p => new { p.OrganizationId, p.ManufacturerId, p.ProductId })
                .ToListAsync(cancellationToken))
            .Select(p => (p.OrganizationId, p.ManufacturerId, p.ProductId))
            .ToHashSet();
        // Decimal keys are compared here rather than in SQL: SQLite keeps decimals as text.
        var stored = (await db.CataloguePrices
                .Where(p => organizations.Contains(p.OrganizationId) && productIds.Contains(p.ProductId))
                .ToListAsync(cancellationToken))
            .ToDictionary(p => (p.OrganizationId, p.PriceListId, p.ManufacturerId, p.ProductId, p.Currency, p.MinQuantity));
        foreach (var (index, organization, row) in rows)
        {
            if (!products.Contains((organization, row.ManufacturerId, row.ProductId)))
            {
                reject(index, new RowRejected("id", $"The organisation has no product '{row.ProductId}' of manufacturer '{row.ManufacturerId}' (add it with POST /billing/v1/products)."));
                continue;
            }
            if (!stored.TryGetValue((organization, row.PriceListId, row.ManufacturerId, row.ProductId, row.Currency, row.MinQuantity), out var price))
            {
                price = new CataloguePrice
                {
                    Id = Guid.NewGuid(),
                    OrganizationId = organization,
                    PriceListId = row.PriceListId,
                    ManufacturerId = row.ManufacturerId,
                    ProductId = row.ProductId,
                    Currency = row.Currency,
                    MinQuantity = row.MinQuantity,
                };
                db.CataloguePrices.Add(price);
            }
            price.CreditUnit = row.CreditUnit;
            price.UpdatedAt = now;
        }
    }
}
