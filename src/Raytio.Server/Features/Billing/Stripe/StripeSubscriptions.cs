using Microsoft.Extensions.Options;
using Raytio.Server.Features.Billing.Embedded;
using Raytio.Server.Hosting;
using Stripe;

namespace Raytio.Server.Features.Billing.Stripe;

/// <summary>
/// Subscriptions in Stripe. Create: `POST /v1/subscriptions` with `items[i][price]`, quantities,
/// `payment_behavior=allow_incomplete` (a declined first payment leaves it incomplete, as the
/// embedded engine does), the plan's trial, and the tax rate configured for the plan's currency.
/// Change: items named by plan are matched to their `si_` ids first, prorated
/// (`proration_behavior=create_prorations`). Cancel: `DELETE /v1/subscriptions/{id}` (now, no
/// invoice). A subscription of another customer is null, as an unknown one.
/// </summary>
public sealed class StripeSubscriptions(IStripeClient client, StripeCalls calls, IOptions<BillingOptions> options) : IBillingSubscriptions
{
    private static readonly string[] Ended = ["canceled", "incomplete_expired"];

    private readonly SubscriptionService _subscriptions = new(client);
    private readonly PriceService _prices = new(client);

    public async Task<BillingPage<BillingSubscription>> ListAsync(string customerId, SubscriptionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var list = new SubscriptionListOptions
        {
            Customer = customerId,
            Status = filter.Status,
            CollectionMethod = filter.Billing,
            Price = filter.Plan,
            Created = StripeLists.Range(filter.Created),
            CurrentPeriodStart = StripeLists.Range(filter.CurrentPeriodStart),
            CurrentPeriodEnd = StripeLists.Range(filter.CurrentPeriodEnd),
        };
        StripeLists.Page(list, page);
        var found = await calls.RunAsync(() => _subscriptions.ListAsync(list, cancellationToken: cancellationToken), missingMeansNull: false, cancellationToken);
        return new BillingPage<BillingSubscription>([.. found!.Data.Select(StripeMapping.Subscription)], found.HasMore);
    }

    public async Task<BillingSubscription?> FindAsync(string customerId, string subscriptionId, CancellationToken cancellationToken)
    {
        var found = await OwnAsync(customerId, subscriptionId, cancellationToken);
        return found is null ? null : StripeMapping.Subscription(found);
    }

    public async Task<BillingSubscription> CreateAsync(string customerId, SubscriptionCreate request, CancellationToken cancellationToken)
    {
        var items = request.Items.Select((item, i) => new SubscriptionItemOptions
        {
            Price = item.Id is null && item.Plan is { } plan ? plan : throw ApiException.Invalid($"items[{i}].plan", $"'items[{i}].plan' is required (and 'id' is only for a change)."),
            Quantity = SubscriptionItemRules.Quantity(i, item.Quantity),
        }).ToList();
        var create = new SubscriptionCreateOptions
        {
            Customer = customerId,
            Items = items,
            CancelAtPeriodEnd = request.CancelAtPeriodEnd,
            PaymentBehavior = "allow_incomplete",
            TrialFromPlan = true,
        };
        if (await TaxRateForAsync(items[0].Price, cancellationToken) is { } taxRate)
        {
            create.DefaultTaxRates = [taxRate];
        }
        var created = await calls.RunAsync(() => _subscriptions.CreateAsync(create, cancellationToken: cancellationToken), missingMeansNull: false, cancellationToken);
        return StripeMapping.Subscription(created!);
    }

    public async Task<BillingSubscription?> UpdateAsync(string customerId, string subscriptionId, SubscriptionChange change, CancellationToken cancellationToken)
    {
        if (await OwnAsync(customerId, subscriptionId, cancellationToken) is not { } current)
        {
            return null;
        }
        RequireNotEnded(current);
        var update = new SubscriptionUpdateOptions { CancelAtPeriodEnd = change.CancelAtPeriodEnd };
        if (change.Items is { } requested)
        {
            update.Items = [.. requested.Select((item, i) => ItemChange(current, item, i))];
            update.ProrationBehavior = "create_prorations";
        }
        var updated = await calls.RunAsync(() => _subscriptions.UpdateAsync(subscriptionId, update, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
        return updated is null ? null : StripeMapping.Subscription(updated);
    }

    public async Task<BillingSubscription?> CancelAsync(string customerId, string subscriptionId, CancellationToken cancellationToken)
    {
        if (await OwnAsync(customerId, subscriptionId, cancellationToken) is not { } current)
        {
            return null;
        }
        RequireNotEnded(current);
        var canceled = await calls.RunAsync(() => _subscriptions.CancelAsync(subscriptionId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
        return canceled is null ? null : StripeMapping.Subscription(canceled);
    }

    /// <summary>An item of the request as Stripe takes it: by `si_` id, by the plan of an existing item, or new.</summary>
    private static SubscriptionItemOptions ItemChange(Subscription current, SubscriptionItemRequest request, int index)
    {
        var existing = current.Items?.Data ?? [];
        var target = request.Id is { } id
            ? existing.FirstOrDefault(i => i.Id == id) ?? throw ApiException.Invalid($"items[{index}].id", $"'{id}' is not an item of this subscription.")
            : existing.FirstOrDefault(i => request.Plan is not null && i.Price?.Id == request.Plan);
        if (request.Deleted)
        {
            return new SubscriptionItemOptions
            {
                Id = target?.Id ?? throw ApiException.Invalid($"items[{index}]", $"'items[{index}]' is to be deleted but is not an item of this subscription."),
                Deleted = true,
            };
        }
        if (target is null && request.Plan is null)
        {
            throw ApiException.Invalid($"items[{index}].plan", $"'items[{index}].plan' is required for a new item.");
        }
        return new SubscriptionItemOptions
        {
            Id = target?.Id,
            Price = target?.Price?.Id == request.Plan ? null : request.Plan,
            Quantity = request.Quantity is null ? null : SubscriptionItemRules.Quantity(index, request.Quantity),
        };
    }

    private async Task<Subscription?> OwnAsync(string customerId, string subscriptionId, CancellationToken cancellationToken)
    {
        var found = await calls.RunAsync(() => _subscriptions.GetAsync(subscriptionId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken);
        return found?.CustomerId == customerId ? found : null;
    }

    // The tax rate configured for the plan's currency (Raytio:Billing:Stripe:TaxRates:nzd = txr_…), if any.
    private async Task<string?> TaxRateForAsync(string planId, CancellationToken cancellationToken)
    {
        var rates = options.Value.Stripe.TaxRates;
        if (rates.Count == 0)
        {
            return null;
        }
        var price = await calls.RunAsync(() => _prices.GetAsync(planId, cancellationToken: cancellationToken), missingMeansNull: true, cancellationToken)
            ?? throw ApiException.Invalid("items[0].plan", $"No such plan: '{planId}'.");
        return rates.TryGetValue(price.Currency, out var rate) ? rate : null;
    }

    private static void RequireNotEnded(Subscription subscription)
    {
        if (Ended.Contains(subscription.Status))
        {
            throw ApiException.Conflict("subscription_ended", $"The subscription {subscription.Id} has ended ({subscription.Status}) and can no longer change.");
        }
    }
}
