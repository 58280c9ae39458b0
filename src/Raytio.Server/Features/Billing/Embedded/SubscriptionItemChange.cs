using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// A change of a subscription's items at <paramref name="now"/>. Each requested item names an
/// existing item by id, or by its plan (the reference's bodies send plans only), or is new;
/// `deleted` removes one; items not named stay. Every item whose plan or quantity changes is
/// prorated while the subscription is being paid for (not during a trial): a credit for the
/// unused rest of the period at the old price and quantity, a charge for it at the new ones,
/// both waiting for the next invoice. A change to plans of another interval (monthly to yearly)
/// starts a new period now, as Stripe does: the old items' unused time is credited and the new
/// period is to be invoiced at once (<see cref="ApplyAsync"/> answers true).
/// </summary>
public sealed class SubscriptionItemChange(RaytioDbContext db, BillingSubscriptionRecord subscription, IReadOnlyDictionary<string, BillingPlanRecord> plans, long now)
{
    /// <returns>Whether the interval changed, so that a new period starts now and must be invoiced.</returns>
    public async Task<bool> ApplyAsync(IReadOnlyList<SubscriptionItemRequest> requested, CancellationToken cancellationToken)
    {
        var subscriptionId = subscription.Id;
        var items = await db.BillingSubscriptionItems.Where(i => i.SubscriptionId == subscriptionId).OrderBy(i => i.Key).ToListAsync(cancellationToken);
        // Each item's state before and after: null plan = absent.
        var before = items.ToDictionary(i => i, i => (Plan: plans[i.PlanId], i.Quantity));
        var after = new Dictionary<BillingSubscriptionItemRecord, (BillingPlanRecord Plan, int Quantity)?>(before.Select(b => KeyValuePair.Create(b.Key, ((BillingPlanRecord, int)?)b.Value)));
        for (var i = 0; i < requested.Count; i++)
        {
            var request = requested[i];
            var target = Target(items, i, request);
            if (request.Deleted)
            {
                after[target ?? throw ApiException.Invalid($"items[{i}]", $"'items[{i}]' is to be deleted but is not an item of this subscription.")] = null;
                continue;
            }
            var plan = request.Plan is null && target is not null ? plans[target.PlanId] : SubscriptionItemRules.NewPlan(plans, i, request.Plan);
            var quantity = request.Quantity is null && target is not null ? target.Quantity : SubscriptionItemRules.Quantity(i, request.Quantity);
            if (target is null)
            {
                target = new BillingSubscriptionItemRecord { Id = StripeIds.New("si_", 14), SubscriptionId = subscriptionId, PlanId = plan.Id, Quantity = quantity, Created = now };
                items.Add(target);
            }
            after[target] = (plan, quantity);
        }
        SubscriptionItemRules.CheckSet([.. items.Select(item => after[item]).OfType<(BillingPlanRecord, int)>()]);
        var newInterval = RequireSameCurrency(items.Select(item => after[item]).OfType<(BillingPlanRecord Plan, int)>().First().Plan);
        foreach (var item in items)
        {
            var old = before.TryGetValue(item, out var was) ? was : ((BillingPlanRecord, int)?)null;
            var next = after[item];
            if (old == next)
            {
                continue;
            }
            Prorate(item, old, newInterval ? null : next);
            Write(item, old, next);
        }
        if (newInterval)
        {
            RestartPeriod(after.Values.OfType<(BillingPlanRecord Plan, int)>().First().Plan);
        }
        subscription.Start = now;
        return newInterval && subscription.Status != EmbeddedSubscriptions.Trialing;
    }

    /// <summary>
    /// Every item is on a plan of the new interval now (one interval per subscription), so each old
    /// item was credited above and the new period starts now; a trial keeps its end as the anchor.
    /// </summary>
    private void RestartPeriod(BillingPlanRecord plan)
    {
        subscription.Interval = plan.Interval;
        subscription.IntervalCount = plan.IntervalCount;
        if (subscription.Status == EmbeddedSubscriptions.Trialing)
        {
            return;
        }
        subscription.BillingCycleAnchor = now;
        subscription.Cycle = 1;
        subscription.CurrentPeriodStart = now;
        subscription.CurrentPeriodEnd = BillingPeriods.After(now, plan.Interval, plan.IntervalCount, 1);
    }

    private BillingSubscriptionItemRecord? Target(List<BillingSubscriptionItemRecord> items, int index, SubscriptionItemRequest request)
    {
        if (request.Id is { } id)
        {
            return items.FirstOrDefault(item => item.Id == id)
                ?? throw ApiException.Invalid($"items[{index}].id", $"'{id}' is not an item of this subscription.");
        }
        return request.Plan is { } planId ? items.FirstOrDefault(item => item.PlanId == planId) : null;
    }

    /// <summary>
    /// A change may not move the subscription to another currency (its invoices are in it); true
    /// when it moves to another interval, which only a subscription being paid for or trialing may.
    /// </summary>
    private bool RequireSameCurrency(BillingPlanRecord plan)
    {
        if (plan.Currency != subscription.Currency)
        {
            throw ApiException.Invalid("items",
                $"This subscription bills in {subscription.Currency}; '{plan.Id}' bills in {plan.Currency}. Start a new subscription for it.");
        }
        var newInterval = plan.Interval != subscription.Interval || plan.IntervalCount != subscription.IntervalCount;
        if (newInterval && subscription.Status is not (EmbeddedSubscriptions.Active or EmbeddedSubscriptions.PastDue or EmbeddedSubscriptions.Trialing))
        {
            throw ApiException.Invalid("items", $"A {subscription.Status} subscription cannot move to another interval.");
        }
        return newInterval;
    }

    private void Prorate(BillingSubscriptionItemRecord item, (BillingPlanRecord Plan, int Quantity)? old, (BillingPlanRecord Plan, int Quantity)? next)
    {
        if (subscription.Status is not (EmbeddedSubscriptions.Active or EmbeddedSubscriptions.PastDue) || now >= subscription.CurrentPeriodEnd)
        {
            return;
        }
        var date = DateTimeOffset.FromUnixTimeSeconds(now).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        if (old is { } o)
        {
            AddProration(item, o.Plan, o.Quantity, -Remaining(o.Plan, o.Quantity), $"Unused time on {o.Quantity} × {o.Plan.Nickname} after {date}");
        }
        if (next is { } n)
        {
            AddProration(item, n.Plan, n.Quantity, Remaining(n.Plan, n.Quantity), $"Remaining time on {n.Quantity} × {n.Plan.Nickname} after {date}");
        }
    }

    private long Remaining(BillingPlanRecord plan, int quantity) =>
        Prorations.Remaining(plan.Amount * quantity, now, subscription.CurrentPeriodStart, subscription.CurrentPeriodEnd);

    private void AddProration(BillingSubscriptionItemRecord item, BillingPlanRecord plan, int quantity, long amount, string description) =>
        db.BillingInvoiceLines.Add(new BillingInvoiceLineRecord
        {
            Id = StripeIds.New("ii_"),
            CustomerId = subscription.CustomerId,
            SubscriptionId = subscription.Id,
            SubscriptionItemId = item.Id,
            PlanId = plan.Id,
            Quantity = quantity,
            Amount = amount,
            Currency = plan.Currency,
            Description = description,
            Proration = true,
            PeriodStart = now,
            PeriodEnd = subscription.CurrentPeriodEnd,
            Created = now,
        });

    private void Write(BillingSubscriptionItemRecord item, (BillingPlanRecord Plan, int Quantity)? old, (BillingPlanRecord Plan, int Quantity)? next)
    {
        switch (old, next)
        {
            case (_, null):
                db.BillingSubscriptionItems.Remove(item);
                break;
            case (null, { } added):
                item.PlanId = added.Plan.Id;
                item.Quantity = added.Quantity;
                db.BillingSubscriptionItems.Add(item);
                break;
            case (_, { } changed):
                item.PlanId = changed.Plan.Id;
                item.Quantity = changed.Quantity;
                break;
        }
    }
}
