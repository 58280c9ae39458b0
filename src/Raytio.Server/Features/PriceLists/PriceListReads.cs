using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;

namespace Raytio.Server.Features.PriceLists;

/// <summary>
/// Operations 92, 94 and 96: the rows of every organisation the caller belongs to (any role), or of
/// the one `org_id` names (404 when the caller is not a member). Ordered by organisation, then key,
/// compared ordinally here so that both engines answer the same order.
/// </summary>
public sealed class PriceListReads(RaytioDbContext db, OrganizationAccess access)
{
    /// <summary>The reference's `type` of a price object.</summary>
    public const string PriceType = "PR";

    public async Task<JsonArray> PricesAsync(Guid caller, string? orgId, CancellationToken cancellationToken)
    {
        var organizations = await OrganizationsAsync(caller, orgId, cancellationToken);
        var prices = await db.CataloguePrices.AsNoTracking().Where(p => organizations.Contains(p.OrganizationId)).ToListAsync(cancellationToken);
        return [.. prices
            .OrderBy(p => p.OrganizationId).ThenBy(p => p.PriceListId, StringComparer.Ordinal).ThenBy(p => p.ManufacturerId, StringComparer.Ordinal)
            .ThenBy(p => p.ProductId, StringComparer.Ordinal).ThenBy(p => p.Currency, StringComparer.Ordinal).ThenBy(p => p.MinQuantity)
            .Select(p => new JsonObject
            {
                ["price_list_id"] = p.PriceListId,
                ["credit_unit"] = ExactDecimals.Normalize(p.CreditUnit),
                ["currency"] = p.Currency,
                ["qty"] = ExactDecimals.Normalize(p.MinQuantity),
                ["org_id"] = p.OrganizationId,
                ["id"] = p.ProductId,
                ["manufacturer_id"] = p.ManufacturerId,
                ["type"] = PriceType,
            })];
    }

    public async Task<JsonArray> ProductsAsync(Guid caller, string? orgId, CancellationToken cancellationToken)
    {
        var organizations = await OrganizationsAsync(caller, orgId, cancellationToken);
        var products = await db.CatalogueProducts.AsNoTracking().Where(p => organizations.Contains(p.OrganizationId)).ToListAsync(cancellationToken);
        return [.. products
            .OrderBy(p => p.OrganizationId).ThenBy(p => p.ManufacturerId, StringComparer.Ordinal).ThenBy(p => p.ProductId, StringComparer.Ordinal)
            .Select(p => new JsonObject
            {
                ["org_id"] = p.OrganizationId,
                ["id"] = p.ProductId,
                ["manufacturer_id"] = p.ManufacturerId,
                ["metadata"] = JsonNode.Parse(p.MetadataJson),
                ["type"] = p.Type,
            })];
    }

    public async Task<JsonArray> CustomerPriceListsAsync(Guid caller, string? orgId, CancellationToken cancellationToken)
    {
        var organizations = await OrganizationsAsync(caller, orgId, cancellationToken);
        var links = await db.CustomerPriceLists.AsNoTracking().Where(l => organizations.Contains(l.OrganizationId)).ToListAsync(cancellationToken);
        return [.. links
            .OrderBy(l => l.OrganizationId).ThenBy(l => l.CustomerId, StringComparer.Ordinal)
            .Select(l => new JsonObject
            {
                ["customer_id"] = l.CustomerId,
                ["price_list_id"] = l.PriceListId,
                ["org_id"] = l.OrganizationId,
            })];
    }

    private async Task<List<Guid>> OrganizationsAsync(Guid caller, string? orgId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(orgId))
        {
            var id = GraphIds.Parse(PriceListEndpoints.OrgIdField, orgId);
            await access.ReadAsync(caller, id.ToString(), cancellationToken);
            return [id];
        }
        return await access.MembershipsAsync(caller, cancellationToken);
    }
}
