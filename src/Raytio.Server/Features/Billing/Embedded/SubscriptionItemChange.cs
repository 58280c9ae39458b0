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
/// both waiting for the next invoice.
/// </summary>
public sealed class SubscriptionItemChange(RaytioDbContext db, BillingSubscriptionRecord subscription, IReadOnlyDictionary<string, BillingPlanRecord> plans, long now)
{
    public async Task ApplyAsync(IReadOnlyList<SubscriptionItemRequest> requested, CancellationToken cancellationToken)
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
        RequireSameBilling(items.Select(item => after[item]).OfType<(BillingPlanRecord Plan, int)>().First().Plan);
        foreach (var item in items)
        {
            var old = before.TryGetValue(item, out var was) ? was : ((BillingPlanRecord, int)?)null;
            var next = after[item];
            if (old == next)
            {
                continue;
            }
            Prorate(item, old, next);
            Write(item, old, next);
        }
        subscription.Start = now;
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

    /// <summary>A change may not move the subscription to another currency or interval (its periods and invoices are in them).</summary>
    private void RequireSameBilling(BillingPlanRecord plan)
    {
        if (plan.Currency != subscription.Currency || plan.Interval != subscription.Interval || plan.IntervalCount != subscription.IntervalCount)
        {
            throw ApiException.Invalid("items",
                $"This subscription bills {subscription.Currency} per {subscription.Interval}; '{plan.Id}' bills {plan.Currency} per {plan.Interval}. Start a new subscription for it.");
        }
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
