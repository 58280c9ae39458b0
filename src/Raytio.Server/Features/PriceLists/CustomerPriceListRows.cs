using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;

namespace Raytio.Server.Features.PriceLists;

/// <summary>A customer price list row of operation 95, read.</summary>
public sealed record CustomerPriceListRow(string CustomerId, string PriceListId);

/// <summary>
/// Operation 95's rows: the price list a customer is quoted from, one per customer (a stored one
/// is replaced). The price list must hold at least one of the organisation's prices.
/// </summary>
public sealed class CustomerPriceListRows : IPriceListRowKind<CustomerPriceListRow>
{
    public string AuditEvent => AuditEventTypes.CustomerPriceListsInsert;

    public string KeyField => "customer_id";

    public CustomerPriceListRow Read(PriceListRow row) =>
        new(row.Text("customer_id", required: true)!, row.Text("price_list_id", required: true)!);

    public object KeyOf(Guid organizationId, CustomerPriceListRow row) => (organizationId, row.CustomerId);

    public async Task StoreAsync(RaytioDbContext db, IReadOnlyList<AcceptedRow<CustomerPriceListRow>> rows, DateTime now, Action<int, RowRejected> reject, CancellationToken cancellationToken)
    {
        var organizations = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var listIds = rows.Select(r => r.Row.PriceListId).Distinct().ToList();
        var customerIds = rows.Select(r => r.Row.CustomerId).Distinct().ToList();
        var lists = (await db.CataloguePrices
                .Where(p => organizations.Contains(p.OrganizationId) && listIds.Contains(p.PriceListId))
                .Select(p => new { p.OrganizationId, p.PriceListId })
                .Distinct()
                .ToListAsync(cancellationToken))
            .Select(l => (l.OrganizationId, l.PriceListId))
            .ToHashSet();
        var stored = await db.CustomerPriceLists
            .Where(l => organizations.Contains(l.OrganizationId) && customerIds.Contains(l.CustomerId))
            .ToDictionaryAsync(l => (l.OrganizationId, l.CustomerId), cancellationToken);
        foreach (var (index, organization, row) in rows)
        {
            if (!lists.Contains((organization, row.PriceListId)))
            {
                reject(index, new RowRejected("price_list_id", $"The organisation has no prices in price list '{row.PriceListId}' (add them with POST /billing/v1/prices)."));
                continue;
            }
            if (!stored.TryGetValue((organization, row.CustomerId), out var link))
            {
                link = new CustomerPriceList { OrganizationId = organization, CustomerId = row.CustomerId, PriceListId = row.PriceListId };
                db.CustomerPriceLists.Add(link);
            }
            link.PriceListId = row.PriceListId;
            link.UpdatedAt = now;
        }
    }
}
