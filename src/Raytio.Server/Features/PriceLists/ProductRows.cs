using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;

namespace Raytio.Server.Features.PriceLists;

/// <summary>A product row of operation 93, read.</summary>
public sealed record ProductRow(string ManufacturerId, string ProductId, string Type, string MetadataJson);

/// <summary>Operation 93's rows: products keyed by (manufacturer_id, id); a stored one is replaced.</summary>
public sealed class ProductRows : IPriceListRowKind<ProductRow>
{
    /// <summary>The reference's `type` of a product when none is given.</summary>
    public const string DefaultType = "PD";

    public const int MaxMetadataLength = 16 * 1024;

    public string AuditEvent => AuditEventTypes.PriceListProductsInsert;

    public string KeyField => "id";

    public ProductRow Read(PriceListRow row)
    {
        var productId = row.Text("id", required: true)!;
        var manufacturer = row.ManufacturerId();
        var type = row.Text("type", required: false) ?? DefaultType;
        if (type.Length > PriceListColumns.TypeLength)
        {
            throw new RowRejected("type", $"'type' must be at most {PriceListColumns.TypeLength} characters.");
        }
        return new ProductRow(manufacturer, productId, type, row.ObjectText("metadata", MaxMetadataLength));
    }

    public object KeyOf(Guid organizationId, ProductRow row) => (organizationId, row.ManufacturerId, row.ProductId);

    public async Task StoreAsync(RaytioDbContext db, IReadOnlyList<AcceptedRow<ProductRow>> rows, DateTime now, Action<int, RowRejected> reject, CancellationToken cancellationToken)
    {
        var organizations = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var productIds = rows.Select(r => r.Row.ProductId).Distinct().ToList();
        var stored = await db.CatalogueProducts
            .Where(p => organizations.Contains(p.OrganizationId) && productIds.Contains(p.ProductId))
            .ToDictionaryAsync(p => (p.OrganizationId, p.ManufacturerId, p.ProductId), cancellationToken);
        foreach (var (_, organization, row) in rows)
        {
            if (!stored.TryGetValue((organization, row.ManufacturerId, row.ProductId), out var product))
            {
                product = new CatalogueProduct { OrganizationId = organization, ManufacturerId = row.ManufacturerId, ProductId = row.ProductId, Type = row.Type, MetadataJson = row.MetadataJson };
                db.CatalogueProducts.Add(product);
            }
            product.Type = row.Type;
            product.MetadataJson = row.MetadataJson;
            product.UpdatedAt = now;
        }
    }
}
