using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Billing.Metering;

namespace Raytio.Server.Features.Billing.Embedded;

/// <summary>
/// Makes and pays invoices, inside the caller's transaction with the customer locked. An invoice
/// takes the subscription's waiting prorations and the given lines; each line is taxed at the
/// subscription's tax rate; subtotal, tax and total are their sums; the customer's credit
/// balance is applied and a negative total becomes credit. It also takes the customer's metered
/// checks billed since (<see cref="CreditLedger"/>). Invoices are charged to the customer's
/// default payment method (`invoice_settings.default_payment_method`), as Stripe does; a paid
/// invoice grants the credits of its credit bundles.
/// </summary>
public sealed class EmbeddedInvoicing(RaytioDbContext db)
{
    /// <summary>Days after a failed attempt of a renewal invoice until the next one; after the last, the subscription becomes unpaid.</summary>
    public static readonly IReadOnlyList<int> RetryDays = [3, 5, 7];

    /// <summary>A plan's charge for a period: amount × quantity, or nothing during a trial.</summary>
    public static BillingInvoiceLineRecord PlanLine(BillingSubscriptionRecord subscription, BillingSubscriptionItemRecord item, BillingPlanRecord plan, long start, long end, bool trial) => new()
    {
        Id = StripeIds.New("il_"),
        CustomerId = subscription.CustomerId,
        SubscriptionId = subscription.Id,
        SubscriptionItemId = item.Id,
        PlanId = plan.Id,
        Quantity = item.Quantity,
        Amount = trial ? 0 : plan.Amount * item.Quantity,
        Currency = plan.Currency,
        Description = trial
            ? $"Trial period for {plan.Nickname}"
            : $"{item.Quantity} × {plan.Nickname} (at {Money.Format(plan.Amount, plan.Currency)} / {plan.Interval})",
        PeriodStart = start,
        PeriodEnd = end,
        Created = start,
    };

    /// <summary>
    /// Finalizes an invoice of the subscription's waiting prorations, <paramref name="planLines"/>
    /// for its current period, and the customer's checks billed by <paramref name="created"/>.
    /// </summary>
    public async Task<BillingInvoiceRecord> IssueAsync(
        BillingCustomerRecord customer, BillingSubscriptionRecord subscription, string billingReason, IReadOnlyList<BillingInvoiceLineRecord> planLines, long created, CancellationToken cancellationToken)
    {
        var pending = await db.BillingInvoiceLines.Where(l => l.SubscriptionId == subscription.Id && l.InvoiceId == null).OrderBy(l => l.Key).ToListAsync(cancellationToken);
        var rate = subscription.TaxRateId is { } rateId
            ? await db.BillingTaxRates.AsNoTracking().SingleAsync(r => r.Id == rateId, cancellationToken)
            : null;
        var invoiceId = StripeIds.New("in_");
        var billedChecks = await db.TakeBilledChecksAsync(customer.Id, invoiceId, subscription.Id, subscription.Currency, created, cancellationToken);
        var lines = planLines.Concat(billedChecks).ToList();
        foreach (var line in pending.Concat(lines))
        {
            line.InvoiceId = invoiceId;
            line.TaxAmount = rate is null ? 0 : Money.Tax(line.Amount, rate.Percentage, rate.Inclusive);
        }
        db.BillingInvoiceLines.AddRange(lines);
        var all = pending.Concat(lines).ToList();
        var subtotal = all.Sum(l => l.Amount);
        var tax = all.Sum(l => l.TaxAmount);
        // An inclusive rate's tax is already in the lines' amounts.
        var total = rate is { Inclusive: true } ? subtotal : subtotal + tax;
        var owed = total + customer.Balance;
        var customerId = customer.Id;
        var count = await db.BillingInvoices.CountAsync(i => i.CustomerId == customerId, cancellationToken);
        var invoice = new BillingInvoiceRecord
        {
            Id = invoiceId,
            CustomerId = customer.Id,
            SubscriptionId = subscription.Id,
            Number = $"{customer.Id[4..].ToUpperInvariant()[..Math.Min(8, customer.Id.Length - 4)]}-{count + 1:D4}",
            Status = "open",
            BillingReason = billingReason,
            Currency = subscription.Currency,
            Subtotal = subtotal,
            Tax = tax,
            Total = total,
            StartingBalance = customer.Balance,
            EndingBalance = Math.Min(owed, 0),
            AmountDue = Math.Max(owed, 0),
            TaxRateId = subscription.TaxRateId,
            PeriodStart = subscription.CurrentPeriodStart,
            PeriodEnd = subscription.CurrentPeriodEnd,
            Created = created,
        };
        customer.Balance = invoice.EndingBalance;
        subscription.LatestInvoiceId = invoiceId;
        db.BillingInvoices.Add(invoice);
        return invoice;
    }

    /// <summary>
    /// Attempts payment now; true when paid. A failed attempt of a renewal schedules the next
    /// one (<see cref="RetryDays"/>) when <paramref name="retry"/>; nothing is due on a zero amount.
    /// </summary>
    public async Task<bool> ChargeAsync(BillingInvoiceRecord invoice, BillingCustomerRecord customer, long now, bool retry, CancellationToken cancellationToken)
    {
        if (invoice.AmountDue == 0)
        {
            MarkPaid(invoice, now);
            await db.GrantForPaidInvoiceAsync(invoice, customer.OrganizationId, now, cancellationToken);
            return true;
        }
        var customerId = customer.Id;
        var method = customer.DefaultPaymentMethod is { } methodId
            ? await db.BillingPaymentMethods.FirstOrDefaultAsync(m => m.Id == methodId && m.CustomerId == customerId, cancellationToken)
            : null;
        invoice.AttemptCount++;
        if (method is not null && TestCard.Find(method.TestToken) is { ChargeDecline: null })
        {
            invoice.PaymentMethodId = method.Id;
            invoice.ChargeId = StripeIds.New("ch_");
            invoice.AmountPaid = invoice.AmountDue;
            MarkPaid(invoice, now);
            await db.GrantForPaidInvoiceAsync(invoice, customer.OrganizationId, now, cancellationToken);
            return true;
        }
        invoice.NextPaymentAttempt = retry && invoice.AttemptCount <= RetryDays.Count
            ? BillingPeriods.AddDays(now, RetryDays[invoice.AttemptCount - 1])
            : null;
        return false;
    }

    /// <summary>Voids an unpaid invoice (an expired incomplete subscription's first one).</summary>
    public static void Void(BillingInvoiceRecord invoice, long now)
    {
        invoice.Status = "void";
        invoice.VoidedAt = now;
        invoice.NextPaymentAttempt = null;
    }

    /// <summary>Saves, then marks the customer delinquent while any of its invoices is open (a payment failed), as Stripe does.</summary>
    public async Task SaveWithDelinquencyAsync(BillingCustomerRecord customer, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var customerId = customer.Id;
        customer.Delinquent = await db.BillingInvoices.AnyAsync(i => i.CustomerId == customerId && i.Status == "open", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether the subscription still has an unpaid invoice (it stays past_due until all are paid).</summary>
    public Task<bool> HasOpenInvoiceAsync(string subscriptionId, CancellationToken cancellationToken) =>
        db.BillingInvoices.AnyAsync(i => i.SubscriptionId == subscriptionId && i.Status == "open", cancellationToken);

    private static void MarkPaid(BillingInvoiceRecord invoice, long now)
    {
        invoice.Status = "paid";
        invoice.PaidAt = now;
        invoice.NextPaymentAttempt = null;
    }
}
