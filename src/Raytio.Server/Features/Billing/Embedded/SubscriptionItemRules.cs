using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// Checks a subscription's items against the catalogue, as Stripe does: every plan known, new
/// ones active, no plan twice, one currency and one interval across the subscription, a quantity
/// from 0 to <see cref="MaxQuantity"/>, between 1 and <see cref="MaxItems"/> items.
/// </summary>
public static class SubscriptionItemRules
{
    public const int MaxItems = 20;
    public const int MaxQuantity = 1_000_000;

    public static BillingPlanRecord NewPlan(IReadOnlyDictionary<string, BillingPlanRecord> plans, int index, string? planId)
    {
        var field = $"items[{index}].plan";
        if (string.IsNullOrWhiteSpace(planId))
        {
            throw ApiException.Invalid(field, $"'{field}' is required for a new item.");
        }
        if (!plans.TryGetValue(planId, out var plan))
        {
            throw ApiException.Invalid(field, $"No such plan: '{planId}'.");
        }
        return plan.Active ? plan : throw ApiException.Invalid(field, $"The plan '{planId}' is no longer offered.");
    }

    public static int Quantity(int index, int? quantity) => quantity switch
    {
        null => 1,
        < 0 or > MaxQuantity => throw ApiException.Invalid($"items[{index}].quantity", $"'items[{index}].quantity' must be from 0 to {MaxQuantity}."),
        { } value => value,
    };

    /// <summary>The items as they will be: (plan, quantity) pairs in order; throws when they break a rule.</summary>
    public static void CheckSet(IReadOnlyList<(BillingPlanRecord Plan, int Quantity)> items)
    {
        if (items.Count == 0)
        {
            throw ApiException.Invalid("items", "A subscription needs at least one item.");
        }
        if (items.Count > MaxItems)
        {
            throw ApiException.Invalid("items", $"A subscription may have at most {MaxItems} items.");
        }
        var first = items[0].Plan;
        for (var i = 0; i < items.Count; i++)
        {
            var plan = items[i].Plan;
            if (items.Take(i).Any(other => other.Plan.Id == plan.Id))
            {
                throw ApiException.Invalid("items", $"The plan '{plan.Id}' appears twice; change the quantity of one item instead.");
            }
            if (plan.Currency != first.Currency || plan.Interval != first.Interval || plan.IntervalCount != first.IntervalCount)
            {
                throw ApiException.Invalid("items",
                    $"Every plan of a subscription must bill in one currency at one interval: '{plan.Id}' is {plan.Currency} per {plan.Interval}, '{first.Id}' {first.Currency} per {first.Interval}.");
            }
        }
    }
}
