using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// Subscriptions of the embedded engine. Creating one invoices its first period at once and
/// charges it (paid: active; declined or no default payment method: incomplete, which expires
/// after 23 hours), or starts the longest trial of its plans (trialing, a zero invoice).
/// Changes of items are prorated as Stripe does by default: the credits and charges wait for the
/// next renewal invoice; a change to another interval starts a new period and invoices it at once
/// with the credits. Cancelling now ends it without an invoice.
/// </summary>
public sealed class EmbeddedSubscriptions(RaytioDbContext db, EmbeddedObjects objects, EmbeddedInvoicing invoicing, TimeProvider time) : IBillingSubscriptions
{
    public const string Trialing = "trialing";
    public const string Active = "active";
    public const string PastDue = "past_due";
    public const string Unpaid = "unpaid";
    public const string Canceled = "canceled";
    public const string Incomplete = "incomplete";
    public const string IncompleteExpired = "incomplete_expired";

    public static readonly IReadOnlyList<string> Statuses = [Incomplete, IncompleteExpired, Trialing, Active, PastDue, Unpaid, Canceled];

    public async Task<BillingPage<BillingSubscription>> ListAsync(string customerId, SubscriptionFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var scope = db.BillingSubscriptions.AsNoTracking().Where(s => s.CustomerId == customerId);
        var filtered = filter.Status switch
        {
            null => scope.Where(s => s.Status != Canceled),
            "all" => scope,
            var status => scope.Where(s => s.Status == status),
        };
        if (filter.Billing == "send_invoice")
        {
            filtered = filtered.Where(s => false);
        }
        if (filter.Plan is { } plan)
        {
            var items = db.BillingSubscriptionItems;
            filtered = filtered.Where(s => items.Any(i => i.SubscriptionId == s.Id && i.PlanId == plan));
        }
        filtered = filtered.WhereIn(s => s.Created, filter.Created)
            .WhereIn(s => s.CurrentPeriodStart, filter.CurrentPeriodStart)
            .WhereIn(s => s.CurrentPeriodEnd, filter.CurrentPeriodEnd);
        var records = await BillingPaging.PageAsync(scope, filtered, page, cancellationToken);
        return new BillingPage<BillingSubscription>(await objects.SubscriptionsAsync(records.Data, cancellationToken), records.HasMore);
    }

    public async Task<BillingSubscription?> FindAsync(string customerId, string subscriptionId, CancellationToken cancellationToken)
    {
        var record = await db.BillingSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId && s.CustomerId == customerId, cancellationToken);
        return record is null ? null : (await objects.SubscriptionsAsync([record], cancellationToken))[0];
    }

    public async Task<BillingSubscription> CreateAsync(string customerId, SubscriptionCreate request, CancellationToken cancellationToken)
    {
        var plans = await db.BillingPlans.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var chosen = request.Items.Select((item, i) => item.Id is not null || item.Deleted
            ? throw ApiException.Invalid($"items[{i}]", $"'items[{i}]' of a new subscription names a plan and a quantity only.")
            : (Plan: SubscriptionItemRules.NewPlan(plans, i, item.Plan), Quantity: SubscriptionItemRules.Quantity(i, item.Quantity))).ToList();
        SubscriptionItemRules.CheckSet(chosen);
        var first = chosen[0].Plan;
        var taxRate = await db.BillingTaxRates.AsNoTracking().Where(r => r.DefaultForCurrency == first.Currency && r.Active).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await db.LockCustomerAsync(customerId, time.GetUtcNow().UtcDateTime, cancellationToken)
            ?? throw new InvalidOperationException($"The billing customer {customerId} is missing.");
        var now = time.Now();
        var trialDays = chosen.Max(c => c.Plan.TrialPeriodDays ?? 0);
        var trial = trialDays > 0;
        var subscription = new BillingSubscriptionRecord
        {
            Id = StripeIds.New("sub_", 14),
            CustomerId = customerId,
            Status = Incomplete,
            Currency = first.Currency,
            Interval = first.Interval,
            IntervalCount = first.IntervalCount,
            BillingCycleAnchor = trial ? BillingPeriods.AddDays(now, trialDays) : now,
            Cycle = trial ? 0 : 1,
            CurrentPeriodStart = now,
            CancelAtPeriodEnd = request.CancelAtPeriodEnd,
            CanceledAt = request.CancelAtPeriodEnd ? now : null,
            TrialStart = trial ? now : null,
            TrialEnd = trial ? BillingPeriods.AddDays(now, trialDays) : null,
            Created = now,
            Start = now,
            TaxRateId = taxRate,
        };
        subscription.CurrentPeriodEnd = BillingPeriods.After(subscription.BillingCycleAnchor, subscription.Interval, subscription.IntervalCount, subscription.Cycle);
        db.BillingSubscriptions.Add(subscription);
        var items = chosen.Select(c => new BillingSubscriptionItemRecord
        {
            Id = StripeIds.New("si_", 14),
            SubscriptionId = subscription.Id,
            PlanId = c.Plan.Id,
            Quantity = c.Quantity,
            Created = now,
        }).ToList();
        db.BillingSubscriptionItems.AddRange(items);
        var lines = items.Select((item, i) => EmbeddedInvoicing.PlanLine(subscription, item, chosen[i].Plan, now, subscription.CurrentPeriodEnd, trial)).ToList();
        var invoice = await invoicing.IssueAsync(customer, subscription, "subscription_create", lines, now, cancellationToken);
        var paid = await invoicing.ChargeAsync(invoice, customer, now, retry: false, cancellationToken);
        subscription.Status = trial ? Trialing : paid ? Active : Incomplete;
        await invoicing.SaveWithDelinquencyAsync(customer, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await objects.SubscriptionsAsync([subscription], cancellationToken))[0];
    }

    public async Task<BillingSubscription?> UpdateAsync(string customerId, string subscriptionId, SubscriptionChange change, CancellationToken cancellationToken)
    {
        var plans = await db.BillingPlans.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await db.LockCustomerAsync(customerId, time.GetUtcNow().UtcDateTime, cancellationToken);
        var subscription = customer is null ? null : await db.BillingSubscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId && s.CustomerId == customerId, cancellationToken);
        if (customer is null || subscription is null)
        {
            return null;
        }
        RequireNotEnded(subscription);
        var now = time.Now();
        var newPeriod = change.Items is { } requested && await new SubscriptionItemChange(db, subscription, plans, now).ApplyAsync(requested, cancellationToken);
        if (change.CancelAtPeriodEnd is { } cancel)
        {
            subscription.CancelAtPeriodEnd = cancel;
            subscription.CanceledAt = cancel ? now : null;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (newPeriod)
        {
            await InvoiceNewPeriodAsync(customer, subscription, plans, now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (await objects.SubscriptionsAsync([subscription], cancellationToken))[0];
    }

    public async Task<BillingSubscription?> CancelAsync(string customerId, string subscriptionId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.LockCustomerAsync(customerId, time.GetUtcNow().UtcDateTime, cancellationToken) is null)
        {
            return null;
        }
        var subscription = await db.BillingSubscriptions.FirstOrDefaultAsync(s => s.Id == subscriptionId && s.CustomerId == customerId, cancellationToken);
        if (subscription is null)
        {
            return null;
        }
        RequireNotEnded(subscription);
        var now = time.Now();
        subscription.Status = Canceled;
        subscription.CanceledAt = now;
        subscription.EndedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await objects.SubscriptionsAsync([subscription], cancellationToken))[0];
    }

    /// <summary>After a change of interval: the credits and the new period on one invoice (`subscription_update`), charged now.</summary>
    private async Task InvoiceNewPeriodAsync(
        BillingCustomerRecord customer, BillingSubscriptionRecord subscription, IReadOnlyDictionary<string, BillingPlanRecord> plans, long now, CancellationToken cancellationToken)
    {
        var subscriptionId = subscription.Id;
        var items = await db.BillingSubscriptionItems.AsNoTracking().Where(i => i.SubscriptionId == subscriptionId).OrderBy(i => i.Key).ToListAsync(cancellationToken);
        var lines = items.Select(item => EmbeddedInvoicing.PlanLine(subscription, item, plans[item.PlanId], now, subscription.CurrentPeriodEnd, trial: false)).ToList();
        var invoice = await invoicing.IssueAsync(customer, subscription, "subscription_update", lines, now, cancellationToken);
        var paid = await invoicing.ChargeAsync(invoice, customer, now, retry: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        subscription.Status = paid && !await invoicing.HasOpenInvoiceAsync(subscriptionId, cancellationToken) ? Active : PastDue;
        await invoicing.SaveWithDelinquencyAsync(customer, cancellationToken);
    }

    private static void RequireNotEnded(BillingSubscriptionRecord subscription)
    {
        if (subscription.Status is Canceled or IncompleteExpired)
        {
            throw ApiException.Conflict("subscription_ended", $"The subscription {subscription.Id} has ended ({subscription.Status}) and can no longer change.");
        }
    }
}
