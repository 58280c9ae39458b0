using Stripe;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>Plans are Stripe's recurring prices (`GET /v1/prices?type=recurring`, `GET /v1/prices/{id}`); old `plan_` ids are served as prices too.</summary>
public sealed class StripePlans(IStripeClient client, StripeCalls calls) : IBillingPlans
{
    private readonly PriceService _prices = new(client);

    public async Task<BillingPage<BillingPlan>> ListAsync(PlanFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var options = new PriceListOptions
        {
            Type = "recurring",
            Active = filter.Active,
            Product = filter.Product,
            Created = StripeLists.Range(filter.Created),
        };
        StripeLists.Page(options, page);
        var found = await calls.RunAsync(() => _prices.ListAsync(options, cancellationToken: cancellationToken), missingMeansNull: false, cancellationToken);
        return new BillingPage<BillingPlan>([.. found!.Data.Select(StripeMapping.Plan).OfType<BillingPlan>()], found.HasMore);
    }

    public async Task<BillingPlan?> FindAsync(string planId, CancellationToken cancellationToken)
    {
        var found = await calls.RunAsync(() => _prices.GetAsync(planId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
        return found is null ? null : StripeMapping.Plan(found);
    }
}
