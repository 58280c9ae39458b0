using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>The seeded plan catalogue (<see cref="EmbeddedCatalogue"/>).</summary>
public sealed class EmbeddedPlans(RaytioDbContext db) : IBillingPlans
{
    public async Task<BillingPage<BillingPlan>> ListAsync(PlanFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var scope = db.BillingPlans.AsNoTracking();
        var filtered = scope.WhereIn(p => p.Created, filter.Created);
        if (filter.Active is { } active)
        {
            filtered = filtered.Where(p => p.Active == active);
        }
        if (filter.Product is { } product)
        {
            filtered = filtered.Where(p => p.ProductId == product);
        }
        var records = await BillingPaging.PageAsync(scope, filtered, page, cancellationToken);
        return new BillingPage<BillingPlan>([.. records.Data.Select(EmbeddedObjects.Plan)], records.HasMore);
    }

    public async Task<BillingPlan?> FindAsync(string planId, CancellationToken cancellationToken)
    {
        var record = await db.BillingPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        return record is null ? null : EmbeddedObjects.Plan(record);
    }
}
