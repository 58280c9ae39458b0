using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// What the clock makes due, in one pass at the injected TimeProvider's now: subscriptions whose
/// period has ended renew (one invoice per period, dated at the period's start, so a pass after a
/// long pause bills each missed period) or end when cancel_at_period_end; failed renewal invoices
/// are tried again on their schedule (paid: active again; the last failure: unpaid); incomplete
/// subscriptions expire 23 hours after creation and their invoice is voided. Each step runs in its
/// own transaction with the customer locked and re-checks that it is still due, so passes on
/// several replicas at once never bill a period twice.
/// </summary>
public sealed class BillingRenewals(RaytioDbContext db, EmbeddedInvoicing invoicing, TimeProvider time)
{
    private const int Batch = 100;
    private static readonly TimeSpan IncompleteExpiry = TimeSpan.FromHours(23);
    private static readonly string[] Renewing = [EmbeddedSubscriptions.Active, EmbeddedSubscriptions.PastDue, EmbeddedSubscriptions.Trialing];

    /// <returns>How many renewals, payment attempts and expiries were made.</returns>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        var now = time.Now();
        while (true)
        {
            var dueSubscriptions = await db.BillingSubscriptions.AsNoTracking()
                .Where(s => Renewing.Contains(s.Status) && s.CurrentPeriodEnd <= now)
                .OrderBy(s => s.CurrentPeriodEnd).Select(s => new { s.Id, s.CustomerId }).Take(Batch).ToListAsync(cancellationToken);
            var dueInvoices = await db.BillingInvoices.AsNoTracking()
                .Where(i => i.Status == "open" && i.NextPaymentAttempt <= now)
                .OrderBy(i => i.NextPaymentAttempt).Select(i => new { i.Id, i.CustomerId }).Take(Batch).ToListAsync(cancellationToken);
            var expiring = now - (long)IncompleteExpiry.TotalSeconds;
            var expired = await db.BillingSubscriptions.AsNoTracking()
                .Where(s => s.Status == EmbeddedSubscriptions.Incomplete && s.Created <= expiring)
                .Select(s => new { s.Id, s.CustomerId }).Take(Batch).ToListAsync(cancellationToken);
            if (dueSubscriptions.Count + dueInvoices.Count + expired.Count == 0)
            {
                return done;
            }
            foreach (var due in dueSubscriptions)
            {
                done += await InCustomerTransactionAsync(due.CustomerId, customer => RenewAsync(customer, due.Id, now, cancellationToken), cancellationToken);
            }
            foreach (var due in dueInvoices)
            {
                done += await InCustomerTransactionAsync(due.CustomerId, customer => RetryAsync(customer, due.Id, now, cancellationToken), cancellationToken);
            }
            foreach (var due in expired)
            {
                done += await InCustomerTransactionAsync(due.CustomerId, customer => ExpireAsync(due.Id, expiring, now, cancellationToken), cancellationToken);
            }
        }
    }

    private async Task<int> InCustomerTransactionAsync(string customerId, Func<BillingCustomerRecord, Task<bool>> step, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var customer = await db.LockCustomerAsync(customerId, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (customer is null || !await step(customer))
        {
            return 0;
        }
        await invoicing.SaveWithDelinquencyAsync(customer, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return 1;
    }

    /// <summary>Ends the period: the subscription ends there, or the next period is invoiced and charged.</summary>
    private async Task<bool> RenewAsync(BillingCustomerRecord customer, string subscriptionId, long now, CancellationToken cancellationToken)
    {
        var subscription = await db.BillingSubscriptions.SingleAsync(s => s.Id == subscriptionId, cancellationToken);
        if (!Renewing.Contains(subscription.Status) || subscription.CurrentPeriodEnd > now)
        {
            return false;
        }
        if (subscription.CancelAtPeriodEnd)
        {
            subscription.Status = EmbeddedSubscriptions.Canceled;
            subscription.EndedAt = subscription.CurrentPeriodEnd;
            return true;
        }
        var start = subscription.CurrentPeriodEnd;
        subscription.Cycle++;
        subscription.CurrentPeriodStart = start;
        subscription.CurrentPeriodEnd = BillingPeriods.After(subscription.BillingCycleAnchor, subscription.Interval, subscription.IntervalCount, subscription.Cycle);
        var items = await db.BillingSubscriptionItems.AsNoTracking().Where(i => i.SubscriptionId == subscriptionId).OrderBy(i => i.Key).ToListAsync(cancellationToken);
        var plans = await db.BillingPlans.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var lines = items.Select(item => EmbeddedInvoicing.PlanLine(subscription, item, plans[item.PlanId], start, subscription.CurrentPeriodEnd, trial: false)).ToList();
        var invoice = await invoicing.IssueAsync(customer, subscription, "subscription_cycle", lines, start, cancellationToken);
        if (await invoicing.ChargeAsync(invoice, customer, start, retry: true, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            subscription.Status = await invoicing.HasOpenInvoiceAsync(subscriptionId, cancellationToken) ? EmbeddedSubscriptions.PastDue : EmbeddedSubscriptions.Active;
        }
        else
        {
            subscription.Status = EmbeddedSubscriptions.PastDue;
        }
        return true;
    }

    /// <summary>Tries a failed renewal invoice again.</summary>
    private async Task<bool> RetryAsync(BillingCustomerRecord customer, string invoiceId, long now, CancellationToken cancellationToken)
    {
        var invoice = await db.BillingInvoices.SingleAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice.Status != "open" || invoice.NextPaymentAttempt is not { } at || at > now)
        {
            return false;
        }
        var paid = await invoicing.ChargeAsync(invoice, customer, at, retry: true, cancellationToken);
        if (invoice.SubscriptionId is not { } subscriptionId)
        {
            return true;
        }
        var subscription = await db.BillingSubscriptions.SingleAsync(s => s.Id == subscriptionId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (paid && subscription.Status is EmbeddedSubscriptions.PastDue or EmbeddedSubscriptions.Unpaid
            && !await invoicing.HasOpenInvoiceAsync(subscriptionId, cancellationToken))
        {
            subscription.Status = EmbeddedSubscriptions.Active;
        }
        else if (!paid && invoice.NextPaymentAttempt is null && subscription.Status == EmbeddedSubscriptions.PastDue)
        {
            subscription.Status = EmbeddedSubscriptions.Unpaid;
        }
        return true;
    }

    private async Task<bool> ExpireAsync(string subscriptionId, long expiring, long now, CancellationToken cancellationToken)
    {
        var subscription = await db.BillingSubscriptions.SingleAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription.Status != EmbeddedSubscriptions.Incomplete || subscription.Created > expiring)
        {
            return false;
        }
        subscription.Status = EmbeddedSubscriptions.IncompleteExpired;
        subscription.EndedAt = now;
        foreach (var invoice in await db.BillingInvoices.Where(i => i.SubscriptionId == subscriptionId && i.Status == "open").ToListAsync(cancellationToken))
        {
            EmbeddedInvoicing.Void(invoice, now);
        }
        return true;
    }
}
